-- Who uses which channel, per persona: operational_efficiency's customers per channel, channel
-- overlap and orders prompted by a digital message.
--
-- One row per cluster with an ordering customer: those customers, those who ordered in store and
-- online, those who used one channel only or both, and the orders converted by a digital message
-- (e-mail, SMS or app push; an event invitation is not one) in each channel. Portable SQL, like
-- customer_features.sql.
--
-- Inputs:
--   orders(customer, order_id, day, hour, online, gross, discount, dwell_minutes, contact)   as in customer_features.sql
--   customer_clusters(customer, cluster)   the persona of each customer

WITH per_customer AS (
  SELECT
    customer,
    MAX(1 - online) AS in_store,
    MAX(online) AS online,
    SUM(CASE WHEN online = 0 AND contact IN ('email', 'sms', 'app') THEN 1 ELSE 0 END) AS digital_in_store,
    SUM(CASE WHEN online = 1 AND contact IN ('email', 'sms', 'app') THEN 1 ELSE 0 END) AS digital_online
  FROM orders
  GROUP BY customer
)
SELECT
  k.cluster,
  COUNT(*) AS customers,
  SUM(p.in_store) AS in_store_customers,
  SUM(p.online) AS online_customers,
  SUM(p.in_store * (1 - p.online)) AS in_store_only,
  SUM(p.online * (1 - p.in_store)) AS online_only,
  SUM(p.in_store * p.online) AS both_channels,
  SUM(p.digital_in_store) AS digital_in_store_orders,
  SUM(p.digital_online) AS digital_online_orders
FROM per_customer p
JOIN customer_clusters k ON k.customer = p.customer
GROUP BY k.cluster
ORDER BY k.cluster
