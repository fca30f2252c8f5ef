-- Category × channel: what the demand table of a brand's own categories is built from.
--
-- One row per category and channel with a line, and one with category = NULL for a channel whose
-- orders have no lines: the channel's orders, units, net spend, the orders holding the category,
-- and the unit prices' sums (units × price², with price = net ÷ quantity) and range.
-- Net amounts are summed as DECIMAL(38, 9) (each rounded to a billionth first), so the sums are
-- exact and no thread schedule can change them. Portable SQL, like customer_features.sql.
--
-- Inputs:
--   orders(customer, order_id, day, hour, online, gross, discount, dwell_minutes, contact)   as in customer_features.sql
--   order_lines(order_id, customer, category, quantity, impulse, net)             as in customer_features.sql

WITH channel_orders AS (
  SELECT online, COUNT(*) AS orders
  FROM orders
  GROUP BY online
),
lines AS (
  SELECT l.category, o.online, l.order_id, l.quantity,
         CAST(l.net AS DECIMAL(38, 9)) AS net,
         CASE WHEN l.quantity > 0 THEN l.net / l.quantity ELSE 0 END AS unit_price
  FROM order_lines l
  JOIN orders o ON o.order_id = l.order_id
),
by_category AS (
  SELECT
    l.category,
    l.online,
    SUM(l.quantity) AS units,
    CAST(SUM(l.net) AS DOUBLE) AS spend,
    COUNT(DISTINCT l.order_id) AS orders_with,
    CAST(SUM(CAST(l.quantity * l.unit_price * l.unit_price AS DECIMAL(38, 9))) AS DOUBLE) AS units_price_squared,
    MIN(l.unit_price) AS min_unit_price,
    MAX(l.unit_price) AS max_unit_price
  FROM lines l
  GROUP BY l.category, l.online
)
SELECT
  b.category,
  co.online,
  co.orders AS channel_orders,
  b.units,
  b.spend,
  b.orders_with,
  b.units_price_squared,
  b.min_unit_price,
  b.max_unit_price
FROM channel_orders co
LEFT JOIN by_category b ON b.online = co.online
ORDER BY b.category NULLS FIRST, co.online
