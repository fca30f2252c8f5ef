-- Orders per weekday × hour and channel: the brand's own arrival curves (arrivals_summary).
--
-- One row per weekday (0 = Monday), hour (0–23) and channel with an order. Portable SQL, like
-- customer_features.sql.
--
-- Inputs:
--   orders(customer, order_id, day, hour, online, gross, discount, dwell_minutes, contact)   as in customer_features.sql
--   calendar(day, month, weekday)   as in cluster_months.sql

SELECT c.weekday, o.hour, o.online, COUNT(*) AS orders
FROM orders o
JOIN calendar c ON c.day = o.day
GROUP BY c.weekday, o.hour, o.online
ORDER BY c.weekday, o.hour, o.online
