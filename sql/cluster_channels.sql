-- Persona × channel: the order sums operational_efficiency reports for each persona and channel.
--
-- One row per cluster and channel (online = 0 in store, 1 online) with an order: orders, net
-- revenue, items, the orders placed in one of the channel's peak hours, and minutes in store.
-- Money is summed as DECIMAL and dwell minutes as DECIMAL(38, 9), as in cluster_orders.sql.
-- Portable SQL, like customer_features.sql.
--
-- Inputs:
--   orders(customer, order_id, day, hour, online, gross, discount, dwell_minutes, contact)   as in customer_features.sql
--   order_lines(order_id, customer, category, quantity, impulse, net)                      as in customer_features.sql
--   customer_clusters(customer, cluster)   the persona of each customer
--   calendar(day, month, weekday)          as in cluster_months.sql
--   peak_cells(online, cell)               each channel's peak hours of the week, as
--                                          cell = weekday × 24 + hour (a cell listed twice counts once)

WITH order_items AS (
  SELECT order_id, SUM(quantity) AS items
  FROM order_lines
  GROUP BY order_id
)
SELECT
  k.cluster,
  o.online,
  COUNT(*) AS orders,
  CAST(SUM(o.gross - o.discount) AS DOUBLE) AS revenue,
  COALESCE(SUM(i.items), 0) AS items,
  SUM(CASE WHEN p.cell IS NULL THEN 0 ELSE 1 END) AS peak_orders,
  CAST(SUM(CAST(o.dwell_minutes AS DECIMAL(38, 9))) AS DOUBLE) AS dwell
FROM orders o
JOIN customer_clusters k ON k.customer = o.customer
JOIN calendar c ON c.day = o.day
LEFT JOIN order_items i ON i.order_id = o.order_id
LEFT JOIN (SELECT DISTINCT online, cell FROM peak_cells) p
  ON p.online = o.online AND p.cell = c.weekday * 24 + o.hour
GROUP BY k.cluster, o.online
ORDER BY k.cluster, o.online
