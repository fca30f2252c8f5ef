-- Persona × category pair: the co-purchase counts behind lift and the cross-sell opportunities.
--
-- One row per cluster and pair of categories a < b bought in one order (at the level
-- category_level maps to): the orders holding both, and the summed net value of those orders,
-- summed as DECIMAL(38, 9) as in category_cells.sql. Inputs as in category_cells.sql.

WITH lines AS (
  SELECT cc.cluster, l.order_id, lv.level_key AS category, l.net
  FROM order_lines l
  JOIN customer_clusters cc ON cc.customer = l.customer
  JOIN category_level lv ON lv.category = l.category
),
order_categories AS (
  SELECT DISTINCT cluster, order_id, category FROM lines
),
order_net AS (
  SELECT order_id, SUM(CAST(net AS DECIMAL(38, 9))) AS net FROM lines GROUP BY order_id
)
SELECT
  a.cluster,
  a.category AS a,
  b.category AS b,
  COUNT(*) AS orders,
  CAST(SUM(n.net) AS DOUBLE) AS value
FROM order_categories a
JOIN order_categories b ON b.order_id = a.order_id AND a.category < b.category
JOIN order_net n ON n.order_id = a.order_id
GROUP BY a.cluster, a.category, b.category
ORDER BY a.cluster, a.category, b.category
