-- Each customer's lead lifestyle intent: customers_master's top_intent.
--
-- One row per customer with an order line: the intent with the most net spend among those the
-- customer bought, the earlier intent (lower key) on a tie. Portable SQL, like customer_features.sql.
--
-- Inputs:
--   order_lines(order_id, customer, category, quantity, impulse, net)   as in customer_features.sql
--   category_intent(category, intent)   each category's intent, as its place in the build's list

WITH spend AS (
  SELECT l.customer, ci.intent, SUM(CAST(l.net AS DECIMAL(38, 9))) AS net
  FROM order_lines l
  JOIN category_intent ci ON ci.category = l.category
  GROUP BY l.customer, ci.intent
),
ranked AS (
  SELECT customer, intent,
         ROW_NUMBER() OVER (PARTITION BY customer ORDER BY net DESC, intent) AS nth
  FROM spend
)
SELECT customer, intent
FROM ranked
WHERE nth = 1
ORDER BY customer
