/**
 * The made-up brand behind every case: a design-led Indian home, apparel and gifting label
 * ("Ambarloom"), its product catalogue, and the Indian names, phones and addresses of its customers.
 * All people are invented; any likeness is chance.
 */
import type { Rng } from '@/lib/random/rng';
import { chance, pick, pickWeighted, randInt } from './util';

export const BRAND = 'Ambarloom';

/** A category that starts with `+` (exercises the CSV formula guard) and one holding a comma. */
export const PLUS_CATEGORY = '+Plus Size';
export const SALE_CATEGORY = '-Sale-';
export const COMMA_CATEGORY = 'Bags, Pouches & Totes';

type OptionKind = 'apparel' | 'plus' | 'bed' | 'colour' | 'none';

interface CategoryDef {
  name: string;
  code: string;
  /** GST rate in percent, included in the prices. */
  gst: number;
  /** Shopify's own product taxonomy path (the export's `Product Category`). */
  taxonomy: string;
  options: OptionKind;
  /** Price range in whole rupees, tax included. */
  price: [number, number];
  products: string[];
}

const CATEGORIES: CategoryDef[] = [
  {
    name: 'Bed Linen',
    code: 'BL',
    gst: 12,
    taxonomy: 'Home & Garden > Linens & Bedding > Bedding > Bed Sheets',
    options: 'bed',
    price: [2400, 6800],
    products: [
      'Indigo Dabu Bedsheet Set',
      'Sanganeri Floral Bedsheet Set',
      'Ajrakh Duvet Cover',
      'Kantha Stitch Quilt',
    ],
  },
  {
    name: 'Table Linen',
    code: 'TL',
    gst: 12,
    taxonomy: 'Home & Garden > Linens & Bedding > Table Linens > Table Runners',
    options: 'colour',
    price: [850, 3200],
    products: ['Ikat Table Runner', 'Chanderi Table Napkins (Set of 6)', 'Hand Block Printed Tablecloth'],
  },
  {
    name: 'Cushion Covers',
    code: 'CC',
    gst: 12,
    taxonomy: 'Home & Garden > Decor > Throw Pillows',
    options: 'colour',
    price: [690, 1890],
    products: [
      'Mirror Work Cushion Cover',
      'Chikankari Cushion Cover',
      'Kantha Cushion Cover',
      'Ikat Cushion Cover',
    ],
  },
  {
    name: 'Bath Linen',
    code: 'BA',
    gst: 12,
    taxonomy: 'Home & Garden > Linens & Bedding > Towels > Bath Towels & Washcloths',
    options: 'colour',
    price: [790, 3400],
    products: ['Organic Cotton Bath Towel', 'Waffle Weave Hand Towel', 'Turkish Cotton Bathrobe'],
  },
  {
    name: 'Rugs & Dhurries',
    code: 'RD',
    gst: 12,
    taxonomy: 'Home & Garden > Decor > Rugs',
    options: 'none',
    price: [2900, 14500],
    products: ['Handwoven Cotton Dhurrie', 'Jute Braided Rug', 'Panja Weave Dhurrie'],
  },
  {
    name: 'Kurtas',
    code: 'KU',
    gst: 12,
    taxonomy: 'Apparel & Accessories > Clothing > Traditional & Ceremonial Clothing > Kurtas',
    options: 'apparel',
    price: [1650, 4800],
    products: ['Chanderi Cotton Kurta', 'Angrakha Kurta', 'Mulmul Straight Kurta', 'Bandhani Kurta'],
  },
  {
    name: 'Sarees',
    code: 'SA',
    gst: 12,
    taxonomy: 'Apparel & Accessories > Clothing > Traditional & Ceremonial Clothing > Saris & Lehengas',
    options: 'colour',
    price: [3900, 18500],
    products: ['Maheshwari Silk Saree', 'Handloom Cotton Saree', 'Kota Doria Saree', 'Banarasi Tissue Saree'],
  },
  {
    name: 'Dupattas & Stoles',
    code: 'DU',
    gst: 5,
    taxonomy: 'Apparel & Accessories > Clothing Accessories > Scarves & Shawls',
    options: 'colour',
    price: [990, 3600],
    products: ['Phulkari Dupatta', 'Ajrakh Modal Stole', 'Leheriya Chiffon Dupatta'],
  },
  {
    name: PLUS_CATEGORY,
    code: 'PS',
    gst: 12,
    taxonomy: 'Apparel & Accessories > Clothing > Dresses',
    options: 'plus',
    price: [1890, 4200],
    products: ['Relaxed Fit Mulmul Kurta', 'Tiered Cotton Dress', 'Wide Leg Cotton Pants'],
  },
  {
    name: 'Dinnerware',
    code: 'DW',
    gst: 12,
    taxonomy: 'Home & Garden > Kitchen & Dining > Tableware > Dinnerware',
    options: 'none',
    price: [650, 9800],
    products: ['Blue Pottery Dinner Plate', 'Stoneware Dinner Set (16 pcs)', 'Hand Painted Quarter Plate'],
  },
  {
    name: 'Drinkware',
    code: 'DK',
    gst: 12,
    taxonomy: 'Home & Garden > Kitchen & Dining > Tableware > Drinkware',
    options: 'none',
    price: [490, 2600],
    products: ['Brass Tumbler', 'Kansa Glass', 'Ceramic Chai Cups (Set of 4)', 'Copper Water Bottle'],
  },
  {
    name: 'Serveware',
    code: 'SW',
    gst: 12,
    taxonomy: 'Home & Garden > Kitchen & Dining > Tableware > Serveware',
    options: 'none',
    price: [890, 5400],
    products: ['Sheesham Wood Serving Tray', 'Brass Urli', 'Marble Cheese Board', 'Terracotta Serving Bowl'],
  },
  {
    name: 'Candles',
    code: 'CA',
    gst: 18,
    taxonomy: 'Home & Garden > Decor > Home Fragrances > Candles',
    options: 'none',
    price: [450, 1850],
    products: ['Mogra Soy Candle', 'Vetiver Jar Candle', 'Diya Candle Set', 'Oudh Pillar Candle'],
  },
  {
    name: 'Home Fragrance',
    code: 'HF',
    gst: 18,
    taxonomy: 'Home & Garden > Decor > Home Fragrances',
    options: 'none',
    price: [390, 1650],
    products: ['Sandalwood Reed Diffuser', 'Rose Incense Sticks', 'Attar Room Spray'],
  },
  {
    name: 'Gift Sets',
    code: 'GS',
    gst: 18,
    taxonomy: 'Arts & Entertainment > Party & Celebration > Gift Giving > Gift Boxes & Tins',
    options: 'none',
    price: [1490, 7900],
    products: ['Diwali Gift Hamper', 'Wedding Trousseau Box', 'Chai Time Gift Set', 'Self-Care Gift Box'],
  },
  {
    name: COMMA_CATEGORY,
    code: 'BG',
    gst: 12,
    taxonomy: 'Apparel & Accessories > Handbags, Wallets & Cases > Handbags',
    options: 'colour',
    price: [590, 3400],
    products: ['Kalamkari Tote Bag', 'Zardozi Potli Bag', 'Embroidered Jewellery Pouch'],
  },
  {
    name: SALE_CATEGORY,
    code: 'ES',
    gst: 12,
    taxonomy: 'Apparel & Accessories > Clothing',
    options: 'apparel',
    price: [790, 2400],
    products: ['End of Season Printed Kurta', 'End of Season Cotton Top'],
  },
];

const COLOURS = ['Indigo', 'Rust', 'Sage', 'Ivory', 'Mustard', 'Madder Red', 'Charcoal', 'Blush Pink'];
const SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];
const PLUS_SIZES = ['XL', '2XL', '3XL', '4XL', '5XL'];
const BED_SIZES = ['Single', 'Double', 'King'];

export interface Variant {
  /** "Rust / M", or "" for a product without options. */
  title: string;
  options: string[];
  sku: string;
  pricePaise: number;
  compareAtPaise: number | null;
  barcode: string;
}

export interface Product {
  handle: string;
  title: string;
  category: string;
  code: string;
  gst: number;
  taxonomy: string;
  optionNames: string[];
  variants: Variant[];
  /** The brand left the SKUs blank: orders carry no SKU and match by title. */
  noSku: boolean;
  /** A second image row in the products export. */
  extraImage: boolean;
  status: 'active' | 'draft' | 'archived';
  tags: string;
  /** An all-caps short name as a POS item master would print it. */
  posName: string;
}

export interface Catalog {
  categories: string[];
  products: Product[];
  byCategory: Map<string, Product[]>;
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * A catalogue over `categoryNames` (in that order). `noSkuShare` of the products get blank SKUs.
 * Prices are rounded to the rupee and mostly end in 0 or 90/50, as design-led brands price.
 */
export function buildCatalog(rng: Rng, categoryNames: readonly string[], noSkuShare = 0): Catalog {
  const products: Product[] = [];
  const byCategory = new Map<string, Product[]>();
  let productNo = 0;
  for (const name of categoryNames) {
    const def = CATEGORIES.find((c) => c.name === name);
    if (!def) throw new Error(`unknown category ${name}`);
    const list: Product[] = [];
    for (const title of def.products) {
      productNo++;
      const basePrice = roundPrice(randInt(rng, def.price[0], def.price[1]));
      const optionNames: string[] = [];
      let combos: string[][] = [[]];
      if (def.options === 'apparel' || def.options === 'plus') {
        optionNames.push('Colour', 'Size');
        const colours = [pick(rng, COLOURS), pick(rng, COLOURS)].filter((c, i, a) => a.indexOf(c) === i);
        const sizes = def.options === 'plus' ? PLUS_SIZES : SIZES.slice(1, 6);
        combos = colours.flatMap((c) => sizes.map((s) => [c, s]));
      } else if (def.options === 'bed') {
        optionNames.push('Size');
        combos = BED_SIZES.map((s) => [s]);
      } else if (def.options === 'colour') {
        optionNames.push('Colour');
        const n = randInt(rng, 2, 3);
        const colours: string[] = [];
        while (colours.length < n) {
          const c = pick(rng, COLOURS);
          if (!colours.includes(c)) colours.push(c);
        }
        combos = colours.map((c) => [c]);
      }
      const onSale = chance(rng, 0.2);
      const variants: Variant[] = combos.map((opts, i) => {
        const step = def.options === 'bed' ? i * roundPrice(basePrice * 0.25) : 0;
        const price = basePrice + step;
        const variantCode = opts
          .map((o) =>
            o
              .replace(/[^A-Za-z0-9]/g, '')
              .slice(0, 3)
              .toUpperCase(),
          )
          .join('-');
        return {
          title: opts.join(' / '),
          options: opts,
          sku: `${def.code}-${String(productNo).padStart(3, '0')}${variantCode ? `-${variantCode}` : ''}`,
          pricePaise: price * 100,
          compareAtPaise: onSale ? roundPrice(price * 1.25) * 100 : null,
          barcode: `89${String(10_000_000_000 + productNo * 1000 + i * 7).padStart(11, '0')}`,
        };
      });
      const p: Product = {
        handle: slug(title),
        title,
        category: name,
        code: def.code,
        gst: def.gst,
        taxonomy: def.taxonomy,
        optionNames,
        variants,
        noSku: false,
        extraImage: chance(rng, 0.4),
        status: 'active',
        tags: pick(rng, ['handcrafted, new-arrivals', 'handloom', 'bestseller, festive', 'gifting', '']),
        posName: title.toUpperCase().replace(/[()]/g, '').replace(/ OF /g, ' '),
      };
      list.push(p);
      products.push(p);
    }
    byCategory.set(name, list);
  }
  // Blank SKUs on a share of products (never all of one category), chosen deterministically.
  const withoutSku = Math.round(products.length * noSkuShare);
  for (let k = 0, i = 1; k < withoutSku && i < products.length; k++, i += 3) products[i]!.noSku = true;
  // One archived product that old orders still name.
  if (products.length > 5) products[5]!.status = 'archived';
  for (const a of products)
    for (const b of products)
      if (a !== b && b.title.startsWith(a.title)) throw new Error(`title ${a.title} prefixes ${b.title}`);
  return { categories: [...categoryNames], products, byCategory };
}

function roundPrice(rupees: number): number {
  if (rupees < 1000) return Math.max(190, Math.round(rupees / 100) * 100 - 10);
  const x = Math.round(rupees / 50) * 50;
  return x % 100 === 0 ? x - 10 : x;
}

/** Shopify's line item name: "Title - Rust / M", or the title alone for a product without options. */
export function lineItemName(p: Product, v: Variant): string {
  return v.title ? `${p.title} - ${v.title}` : p.title;
}

// ---------------------------------------------------------------------------------------------
// People

const FEMALE = [
  'Priya',
  'Ananya',
  'Aditi',
  'Kavya',
  'Meera',
  'Nandini',
  'Ishita',
  'Riya',
  'Sneha',
  'Pooja',
  'Tanvi',
  'Radhika',
  'Shreya',
  'Divya',
  'Lakshmi',
  'Aishwarya',
  'Neha',
  'Sanya',
  'Zoya',
  'Farah',
  'Simran',
  'Harleen',
  'Gayatri',
  'Bhavna',
  'Deepika',
  'Nikita',
  'Anjali',
  'Swati',
  'Kritika',
  'Pallavi',
  'Rhea',
  'Tara',
  'Mira',
  'Avni',
  'Ira',
  'Sara',
  'Fatima',
  'Ayesha',
  'Jasleen',
  'Manpreet',
  'Sunita',
  'Rekha',
  'Vidya',
  'Padma',
  'Revathi',
  'Keerthana',
  'Sowmya',
  'Arpita',
  'Sohini',
  'Moumita',
  'Trisha',
  'Leela',
];
const MALE = [
  'Arjun',
  'Rohan',
  'Vikram',
  'Karan',
  'Aditya',
  'Rahul',
  'Siddharth',
  'Nikhil',
  'Varun',
  'Aman',
  'Kabir',
  'Imran',
  'Faisal',
  'Harpreet',
  'Gurpreet',
  'Venkat',
  'Suresh',
  'Prakash',
  'Anirban',
  'Sourav',
  'Dev',
  'Yash',
  'Manish',
  'Rajesh',
];
const SURNAMES = [
  'Sharma',
  'Iyer',
  'Reddy',
  'Nair',
  'Menon',
  'Patel',
  'Shah',
  'Mehta',
  'Desai',
  'Joshi',
  'Kulkarni',
  'Deshpande',
  'Banerjee',
  'Chatterjee',
  'Mukherjee',
  'Ghosh',
  'Das',
  'Bose',
  'Sen',
  'Gupta',
  'Agarwal',
  'Jain',
  'Kapoor',
  'Malhotra',
  'Khanna',
  'Singh',
  'Kaur',
  'Gill',
  'Sandhu',
  'Khan',
  'Qureshi',
  'Siddiqui',
  'Fernandes',
  "D'Souza",
  'Pereira',
  'Rao',
  'Naidu',
  'Pillai',
  'Krishnan',
  'Subramanian',
  'Hegde',
  'Shetty',
  'Pai',
  'Bhat',
  'Chaudhary',
  'Yadav',
  'Mishra',
  'Tiwari',
  'Pandey',
  'Saxena',
  'Verma',
  'Bhattacharya',
  'Dutta',
  'Roy',
  'Thakur',
  'Rathore',
  'Arora',
  'Sethi',
  'Bajaj',
  'Goyal',
  'Mittal',
  'Bansal',
];

interface City {
  city: string;
  stateCode: string;
  state: string;
  pin: string;
  localities: string[];
  weight: number;
}

const CITIES: City[] = [
  {
    city: 'Mumbai',
    stateCode: 'MH',
    state: 'Maharashtra',
    pin: '400',
    localities: ['Khar West', 'Bandra West', 'Andheri East', 'Powai', 'Colaba', 'Dadar West', 'Malad West'],
    weight: 16,
  },
  {
    city: 'Pune',
    stateCode: 'MH',
    state: 'Maharashtra',
    pin: '411',
    localities: ['Koregaon Park', 'Baner', 'Kothrud', 'Aundh'],
    weight: 6,
  },
  {
    city: 'Bengaluru',
    stateCode: 'KA',
    state: 'Karnataka',
    pin: '560',
    localities: ['Indiranagar', 'Koramangala 5th Block', 'Jayanagar 4th Block', 'Whitefield', 'HSR Layout'],
    weight: 14,
  },
  {
    city: 'New Delhi',
    stateCode: 'DL',
    state: 'Delhi',
    pin: '110',
    localities: ['Defence Colony', 'Vasant Kunj', 'Greater Kailash II', 'Saket', 'Shahpur Jat'],
    weight: 13,
  },
  {
    city: 'Gurugram',
    stateCode: 'HR',
    state: 'Haryana',
    pin: '122',
    localities: ['DLF Phase 4', 'Sector 56', 'Golf Course Road'],
    weight: 5,
  },
  {
    city: 'Noida',
    stateCode: 'UP',
    state: 'Uttar Pradesh',
    pin: '201',
    localities: ['Sector 50', 'Sector 137'],
    weight: 3,
  },
  {
    city: 'Hyderabad',
    stateCode: 'TS',
    state: 'Telangana',
    pin: '500',
    localities: ['Banjara Hills', 'Jubilee Hills', 'Gachibowli', 'Kondapur'],
    weight: 8,
  },
  {
    city: 'Chennai',
    stateCode: 'TN',
    state: 'Tamil Nadu',
    pin: '600',
    localities: ['Adyar', 'Mylapore', 'Besant Nagar', 'Anna Nagar'],
    weight: 7,
  },
  {
    city: 'Kolkata',
    stateCode: 'WB',
    state: 'West Bengal',
    pin: '700',
    localities: ['Ballygunge', 'Salt Lake Sector V', 'Alipore', 'New Town'],
    weight: 6,
  },
  {
    city: 'Ahmedabad',
    stateCode: 'GJ',
    state: 'Gujarat',
    pin: '380',
    localities: ['Satellite', 'Navrangpura', 'Bodakdev'],
    weight: 5,
  },
  {
    city: 'Jaipur',
    stateCode: 'RJ',
    state: 'Rajasthan',
    pin: '302',
    localities: ['C-Scheme', 'Malviya Nagar', 'Vaishali Nagar'],
    weight: 4,
  },
  {
    city: 'Kochi',
    stateCode: 'KL',
    state: 'Kerala',
    pin: '682',
    localities: ['Panampilly Nagar', 'Kakkanad'],
    weight: 3,
  },
  {
    city: 'Chandigarh',
    stateCode: 'CH',
    state: 'Chandigarh',
    pin: '160',
    localities: ['Sector 8', 'Sector 35'],
    weight: 3,
  },
  {
    city: 'Lucknow',
    stateCode: 'UP',
    state: 'Uttar Pradesh',
    pin: '226',
    localities: ['Gomti Nagar', 'Hazratganj'],
    weight: 3,
  },
  {
    city: 'Indore',
    stateCode: 'MP',
    state: 'Madhya Pradesh',
    pin: '452',
    localities: ['Vijay Nagar', 'Palasia'],
    weight: 2,
  },
  {
    city: 'Panaji',
    stateCode: 'GA',
    state: 'Goa',
    pin: '403',
    localities: ['Altinho', 'Miramar'],
    weight: 2,
  },
];

const BUILDINGS = [
  'Sai Krupa CHS',
  'Lodha Bellissimo',
  'Prestige Lakeside Habitat',
  'Sobha Dewflower',
  'Hiranandani Gardens',
  'Rustomjee Elita',
  'DLF Park Place',
  'Purva Riviera',
  'Brigade Gateway',
  'Ansal Plaza',
  'Shanti Niketan',
  'Gulmohar Apartments',
  'Ashiana Towers',
  'Mahindra Splendour',
  'Godrej Platinum',
  'Kailash Enclave',
];
const STREETS = [
  '14th Road',
  'MG Road',
  '2nd Cross',
  '100 Feet Road',
  'Linking Road',
  'Park Street',
  'Church Road',
  'Station Road',
  'Temple Street',
];
const LANDMARKS = [
  'Near Shiv Mandir',
  'Opp. Axis Bank',
  'Behind Big Bazaar',
  'Near Metro Station',
  'Next to Post Office',
];

export interface Address {
  line1: string;
  line2: string;
  city: string;
  stateCode: string;
  state: string;
  pincode: string;
}

export interface Person {
  first: string;
  last: string;
  gender: 'F' | 'M';
  email: string;
  /** 10-digit Indian mobile, digits only. */
  mobile: string;
  address: Address;
  /** ISO date of birth, or null when never given. */
  dob: string | null;
}

export function fullName(p: Person): string {
  return `${p.first} ${p.last}`;
}

/** Invents people with unique e-mails and mobiles. */
export class PeopleFactory {
  private emails = new Set<string>();
  private mobiles = new Set<string>();
  constructor(private rng: Rng) {}

  person(): Person {
    const rng = this.rng;
    const gender = chance(rng, 0.72) ? 'F' : 'M';
    const first = pick(rng, gender === 'F' ? FEMALE : MALE);
    const last = pick(rng, SURNAMES);
    return {
      first,
      last,
      gender,
      email: this.email(first, last),
      mobile: this.mobile(),
      address: this.address(),
      dob: chance(rng, 0.6) ? this.dob() : null,
    };
  }

  private email(first: string, last: string): string {
    const rng = this.rng;
    const f = first.toLowerCase();
    const l = last.toLowerCase().replace(/[^a-z]/g, '');
    const domain = pick(rng, [
      'gmail.com',
      'gmail.com',
      'gmail.com',
      'yahoo.co.in',
      'outlook.com',
      'hotmail.com',
      'rediffmail.com',
      'icloud.com',
    ]);
    const forms = [
      `${f}.${l}`,
      `${f}${l}`,
      `${f}_${l}`,
      `${f[0]}${l}`,
      `${f}.${l}${randInt(rng, 1, 99)}`,
      `${f}${randInt(rng, 70, 99)}`,
    ];
    let local = pick(rng, forms);
    let email = `${local}@${domain}`;
    while (this.emails.has(email)) {
      local = `${f}.${l}${randInt(rng, 1, 999)}`;
      email = `${local}@${domain}`;
    }
    this.emails.add(email);
    return email;
  }

  private mobile(): string {
    const rng = this.rng;
    let m = '';
    do {
      m = String(pick(rng, [9, 9, 9, 9, 9, 8, 8, 7, 7, 6]));
      for (let i = 0; i < 9; i++) m += String(randInt(rng, 0, 9));
    } while (this.mobiles.has(m));
    this.mobiles.add(m);
    return m;
  }

  address(): Address {
    const rng = this.rng;
    const c =
      CITIES[
        pickWeighted(
          rng,
          CITIES.map((x) => x.weight),
        )
      ]!;
    const locality = pick(rng, c.localities);
    const form = randInt(rng, 0, 3);
    const line1 =
      form === 0
        ? `Flat ${randInt(rng, 1, 22)}0${randInt(rng, 1, 4)}, ${pick(rng, BUILDINGS)}`
        : form === 1
          ? `${pick(rng, ['A', 'B', 'C', 'D'])}-${randInt(rng, 101, 1804)}, ${pick(rng, BUILDINGS)}`
          : form === 2
            ? `House No. ${randInt(rng, 2, 240)}, ${pick(rng, STREETS)}`
            : `${randInt(rng, 1, 80)}/${randInt(rng, 1, 12)}${pick(rng, ['', 'A', 'B'])} ${pick(rng, STREETS)}`;
    const line2 = chance(rng, 0.3) ? `${locality}, ${pick(rng, LANDMARKS)}` : locality;
    return {
      line1,
      line2,
      city: c.city,
      stateCode: c.stateCode,
      state: c.state,
      pincode: `${c.pin}${String(randInt(rng, 1, 99)).padStart(3, '0')}`,
    };
  }

  private dob(): string {
    const rng = this.rng;
    const year = randInt(rng, 1962, 2003);
    return `${year}-${String(randInt(rng, 1, 12)).padStart(2, '0')}-${String(randInt(rng, 1, 28)).padStart(2, '0')}`;
  }
}

/** Staff names (store associates, the person who drafted an order). */
export const STAFF = [
  'Ritu Malhotra',
  'Sameer Kulkarni',
  'Anita Fernandes',
  'Joseph Mathew',
  'Lata Bhosale',
  'Pritam Das',
];
