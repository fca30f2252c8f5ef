-- Persona × calendar month × channel: the months revenue_by_cluster compares periods with.
--
-- One row per cluster, month and channel with an order: its orders, net revenue, the customers
-- who bought in it (active), and the customers whose first order in the data it holds (new; a
-- customer's first order is the earliest: by day, then hour, then order_id). One more
-- row per cluster and month with online = NULL: the customers active in either channel. Money is
-- summed as DECIMAL. Portable SQL, like customer_features.sql.
--
-- Inputs:
--   orders(customer, order_id, day, hour, online, gross, discount, dwell_minutes, contact)   as in customer_features.sql
--   customer_clusters(customer, cluster)   the persona of each customer
--   calendar(day, month, weekday)          each day of the window: its calendar month, counted
--                                          0, 1, … from the window's first, and its weekday
--                                          (0 = Monday … 6 = Sunday); a warehouse's date dimension

WITH dated AS (
  SELECT o.customer, o.order_id, o.day, o.hour, o.online, o.gross - o.discount AS net, k.cluster, c.month
  FROM orders o
  JOIN customer_clusters k ON k.customer = o.customer
  JOIN calendar c ON c.day = o.day
),
ranked AS (
  SELECT cluster, month, online,
         ROW_NUMBER() OVER (PARTITION BY customer ORDER BY day, hour, order_id) AS nth
  FROM dated
),
new_customers AS (
  SELECT cluster, month, online, COUNT(*) AS new_customers
  FROM ranked
  WHERE nth = 1
  GROUP BY cluster, month, online
),
by_channel AS (
  SELECT cluster, month, online,
         COUNT(*) AS orders,
         CAST(SUM(net) AS DOUBLE) AS revenue,
         COUNT(DISTINCT customer) AS active_customers
  FROM dated
  GROUP BY cluster, month, online
)
SELECT b.cluster, b.month, b.online, b.orders, b.revenue, b.active_customers,
       COALESCE(n.new_customers, 0) AS new_customers
FROM by_channel b
LEFT JOIN new_customers n ON n.cluster = b.cluster AND n.month = b.month AND n.online = b.online
UNION ALL
SELECT cluster, month, NULL AS online, COUNT(*) AS orders, CAST(SUM(net) AS DOUBLE) AS revenue,
       COUNT(DISTINCT customer) AS active_customers, 0 AS new_customers
FROM dated
GROUP BY cluster, month
ORDER BY cluster, month, online NULLS LAST
