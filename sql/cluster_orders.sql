-- Order sums per persona: what revenue_by_cluster and behaviour_overview report for each persona.
--
-- One row per cluster with orders: orders and their net revenue, in store and online, gross and
-- discount, minutes in store and units bought. Money is summed as DECIMAL (exact, so no thread
-- schedule can change a sum); dwell minutes, a measured quantity, as DECIMAL(38, 9) for the same
-- reason (each value rounded to a billionth of a minute first). Portable SQL, like
-- customer_features.sql.
--
-- Inputs:
--   orders(customer, order_id, day, hour, online, gross, discount, dwell_minutes, contact)   as in customer_features.sql
--   order_lines(order_id, customer, category, quantity, impulse, net)             as in customer_features.sql
--   customer_clusters(customer, cluster)   the persona of each customer

WITH order_units AS (
  SELECT order_id, SUM(quantity) AS units
  FROM order_lines
  GROUP BY order_id
)
SELECT
  k.cluster,
  COUNT(*) AS orders,
  SUM(o.online) AS online_orders,
  SUM(1 - o.online) AS instore_orders,
  CAST(SUM(o.gross - o.discount) AS DOUBLE) AS revenue,
  CAST(SUM(CASE WHEN o.online = 1 THEN o.gross - o.discount ELSE 0 END) AS DOUBLE) AS online_revenue,
  CAST(SUM(o.gross) AS DOUBLE) AS gross,
  CAST(SUM(o.discount) AS DOUBLE) AS discount,
  CAST(SUM(CASE WHEN o.online = 0 THEN CAST(o.dwell_minutes AS DECIMAL(38, 9)) ELSE 0 END) AS DOUBLE) AS dwell,
  COALESCE(SUM(u.units), 0) AS units
FROM orders o
JOIN customer_clusters k ON k.customer = o.customer
LEFT JOIN order_units u ON u.order_id = o.order_id
GROUP BY k.cluster
ORDER BY k.cluster
