-- The buy-till-you-die summary per customer: what BG/NBD and Gamma-Gamma are fitted on.
--
-- One row per customer with a purchase on or before the end day, in the units of
-- lib/value/rfm-summary.ts: x repeat purchases (distinct purchase days − 1, the papers'
-- convention: same-day orders are one purchase), t_x weeks from the first to the last purchase,
-- T weeks from the first purchase to the end day, and the mean value of the repeat purchases
-- (NULL when x = 0). Portable SQL, like customer_features.sql.
--
-- Inputs:
--   orders(customer, order_id, day, hour, online, gross, discount, dwell_minutes, contact)   as in customer_features.sql
--   value_window(end_day)   one row: the last day counted (the window's last day, or the end of a
--                           calibration period for the back-test)

WITH purchase_days AS (
  SELECT o.customer, o.day, SUM(o.gross - o.discount) AS net
  FROM orders o
  CROSS JOIN value_window v
  WHERE o.day <= v.end_day
  GROUP BY o.customer, o.day
),
firsts AS (
  SELECT customer, MIN(day) AS first_day, MAX(day) AS last_day, COUNT(*) AS purchase_days
  FROM purchase_days
  GROUP BY customer
),
repeats AS (
  SELECT p.customer, SUM(p.net) AS repeat_net
  FROM purchase_days p
  JOIN firsts f ON f.customer = p.customer
  WHERE p.day > f.first_day
  GROUP BY p.customer
)
SELECT
  f.customer,
  f.purchase_days - 1 AS x,
  (f.last_day - f.first_day) / 7.0 AS t_x,
  (v.end_day - f.first_day) / 7.0 AS T,
  CASE WHEN f.purchase_days > 1 THEN CAST(r.repeat_net AS DOUBLE) / (f.purchase_days - 1) END AS mean_repeat_value,
  f.first_day
FROM firsts f
CROSS JOIN value_window v
LEFT JOIN repeats r ON r.customer = f.customer
ORDER BY f.customer
