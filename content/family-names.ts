/**
 * Readable names for the public data's product families. The source names are grocery aisle names
 * with their punctuation stripped ("Ice cream ice", "Soy lactosefree"); merchandisers read these
 * instead. Tables and CSV files keep the source name beside it, so a figure can be traced back.
 * A brand's own categories are its own words and pass through unchanged.
 */
const READABLE: Readonly<Record<string, string>> = {
  'Prepared soups salads': 'Prepared soups & salads',
  'Energy granola bars': 'Energy & granola bars',
  'Marinades meat preparation': 'Marinades & meat preparation',
  'Cold flu allergy': 'Cold, flu & allergy',
  'Tofu meat alternatives': 'Tofu & meat alternatives',
  'Bulk dried fruits vegetables': 'Bulk dried fruit & vegetables',
  'Oils vinegars': 'Oils & vinegars',
  'Popcorn jerky': 'Popcorn & jerky',
  'Beers coolers': 'Beers & coolers',
  'Honeys syrups nectars': 'Honeys, syrups & nectars',
  'Frozen meat seafood': 'Frozen meat & seafood',
  'Ice cream ice': 'Ice cream & ice',
  'Frozen vegan vegetarian': 'Frozen vegan & vegetarian',
  'Buns rolls': 'Buns & rolls',
  'Eye ear care': 'Eye & ear care',
  'Candy chocolate': 'Candy & chocolate',
  'Mint gum': 'Mints & gum',
  'Vitamins supplements': 'Vitamins & supplements',
  'Breakfast bars pastries': 'Breakfast bars & pastries',
  'Fruit vegetable snacks': 'Fruit & vegetable snacks',
  'Preserved dips spreads': 'Preserved dips & spreads',
  'Diapers wipes': 'Diapers & wipes',
  'Frozen breads doughs': 'Frozen breads & doughs',
  'Canned meals beans': 'Canned meals & beans',
  'Trash bags liners': 'Trash bags & liners',
  'Cookies cakes': 'Cookies & cakes',
  'Grains rice dried goods': 'Grains, rice & dried goods',
  'Energy sports drinks': 'Energy & sports drinks',
  'Protein meal replacements': 'Protein & meal replacements',
  'Fresh dips tapenades': 'Fresh dips & tapenades',
  'Bulk grains rice dried goods': 'Bulk grains, rice & dried goods',
  'Soup broth bouillon': 'Soup, broth & bouillon',
  'Refrigerated pudding desserts': 'Refrigerated puddings & desserts',
  'Canned jarred vegetables': 'Canned & jarred vegetables',
  'Salad dressing toppings': 'Salad dressings & toppings',
  'Cocoa drink mixes': 'Cocoa & drink mixes',
  'Soy lactosefree': 'Soy & lactose-free',
  'Baby food formula': 'Baby food & formula',
  'Canned meat seafood': 'Canned meat & seafood',
  'Baking supplies decor': 'Baking supplies & decor',
  'Juice nectars': 'Juices & nectars',
  'Canned fruit applesauce': 'Canned fruit & applesauce',
  'Air fresheners candles': 'Air fresheners & candles',
  'Baby bath body care': 'Baby bath & body care',
  'Spices seasonings': 'Spices & seasonings',
  'Doughs gelatins bake mixes': 'Doughs, gelatins & bake mixes',
  'Hot dogs bacon sausage': 'Hot dogs, bacon & sausage',
  'Chips pretzels': 'Chips & pretzels',
  'Other creams cheeses': 'Other creams & cheeses',
  'Pickled goods olives': 'Pickled goods & olives',
  'Plates bowls cups flatware': 'Plates, bowls, cups & flatware',
  'Water seltzer sparkling water': 'Water, seltzer & sparkling water',
  'Nuts seeds dried fruit': 'Nuts, seeds & dried fruit',
  'Packaged vegetables fruits': 'Packaged vegetables & fruit',
  'Trail mix snack mix': 'Trail mix & snack mix',
  'Body lotions soap': 'Body lotions & soap',
  'Tortillas flat bread': 'Tortillas & flatbread',
  'Frozen appetizers sides': 'Frozen appetizers & sides',
  'Hot cereal pancake mixes': 'Hot cereal & pancake mixes',
  'Muscles joints pain relief': 'Muscles, joints & pain relief',
  'Specialty wines champagnes': 'Specialty wines & champagnes',
  Missing: 'Unlabelled (missing in the source)',
};

/** The name a merchandiser reads for a product family; unknown names (a brand's own) unchanged. */
export function readableFamilyName(source: string): string {
  return READABLE[source] ?? source;
}

/** Every mapped source name (for the test that checks each readable name keeps the source's words). */
export const MAPPED_FAMILY_NAMES = Object.keys(READABLE);
