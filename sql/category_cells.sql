-- Persona × category: what the affinity heatmap and cross-sell are built from.
--
-- One row per cluster and category (at the level category_level maps to: a product family, or a
-- lifestyle intent): net spend, the customers who bought it, and the orders holding it. Line
-- shares are summed as DECIMAL(38, 9) (each rounded to a billionth first), so no thread schedule
-- can change a sum. Portable SQL, like customer_features.sql.
--
-- Inputs:
--   order_lines(order_id, customer, category, quantity, impulse, net)   as in customer_features.sql
--   customer_clusters(customer, cluster)                 the persona of each customer
--   category_level(category, level_key)                  a category's key at the level counted

WITH lines AS (
  SELECT cc.cluster, l.customer, l.order_id, lv.level_key AS category, l.net
  FROM order_lines l
  JOIN customer_clusters cc ON cc.customer = l.customer
  JOIN category_level lv ON lv.category = l.category
)
SELECT
  cluster,
  category,
  CAST(SUM(CAST(net AS DECIMAL(38, 9))) AS DOUBLE) AS spend,
  COUNT(DISTINCT customer) AS customers,
  COUNT(DISTINCT order_id) AS orders
FROM lines
GROUP BY cluster, category
ORDER BY cluster, category
