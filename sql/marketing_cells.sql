-- Persona × contact channel: what marketing_effectiveness is built from.
--
-- One row per cluster and contact channel that reached or converted one of its customers (the
-- build counts a missing one as zeros): the cluster's customers, those the channel reached
-- (at least one message), messages, responses, conversions and redemptions, in all and per
-- period, and the net revenue and discount of the orders the channel converted. One more row
-- per cluster with channel = NULL: every channel together, reached = customers reached by any.
-- Money is summed as DECIMAL. Portable SQL, like customer_features.sql.
--
-- Inputs:
--   marketing(customer, channel, period, touches, responses, conversions, redemptions)   as in customer_features.sql
--   orders(customer, order_id, day, hour, online, gross, discount, dwell_minutes, contact)   as in customer_features.sql
--   customer_clusters(customer, cluster)   the persona of each customer

WITH cluster_sizes AS (
  SELECT cluster, COUNT(*) AS customers
  FROM customer_clusters
  GROUP BY cluster
),
per_customer AS (
  SELECT
    customer,
    channel,
    SUM(touches) AS touches,
    SUM(responses) AS responses,
    SUM(conversions) AS conversions,
    SUM(redemptions) AS redemptions,
    SUM(CASE WHEN period = 0 THEN touches ELSE 0 END) AS early_touches,
    SUM(CASE WHEN period = 0 THEN responses ELSE 0 END) AS early_responses,
    SUM(CASE WHEN period = 1 THEN touches ELSE 0 END) AS recent_touches,
    SUM(CASE WHEN period = 1 THEN responses ELSE 0 END) AS recent_responses
  FROM marketing
  GROUP BY customer, channel
),
contacts AS (
  SELECT
    k.cluster,
    m.channel,
    SUM(CASE WHEN m.touches > 0 THEN 1 ELSE 0 END) AS reached,
    SUM(m.touches) AS touches,
    SUM(m.responses) AS responses,
    SUM(m.conversions) AS conversions,
    SUM(m.redemptions) AS redemptions,
    SUM(m.early_touches) AS early_touches,
    SUM(m.early_responses) AS early_responses,
    SUM(m.recent_touches) AS recent_touches,
    SUM(m.recent_responses) AS recent_responses
  FROM per_customer m
  JOIN customer_clusters k ON k.customer = m.customer
  GROUP BY k.cluster, m.channel
),
converted AS (
  SELECT k.cluster, o.contact AS channel,
         SUM(o.gross - o.discount) AS revenue,
         SUM(o.discount) AS discount
  FROM orders o
  JOIN customer_clusters k ON k.customer = o.customer
  WHERE o.contact IS NOT NULL
  GROUP BY k.cluster, o.contact
),
reached_by_any AS (
  SELECT k.cluster, COUNT(*) AS reached
  FROM (SELECT customer FROM per_customer GROUP BY customer HAVING SUM(touches) > 0) r
  JOIN customer_clusters k ON k.customer = r.customer
  GROUP BY k.cluster
),
by_channel AS (
  SELECT
    COALESCE(c.cluster, v.cluster) AS cluster,
    COALESCE(c.channel, v.channel) AS channel,
    COALESCE(c.reached, 0) AS reached,
    COALESCE(c.touches, 0) AS touches,
    COALESCE(c.responses, 0) AS responses,
    COALESCE(c.conversions, 0) AS conversions,
    COALESCE(c.redemptions, 0) AS redemptions,
    COALESCE(c.early_touches, 0) AS early_touches,
    COALESCE(c.early_responses, 0) AS early_responses,
    COALESCE(c.recent_touches, 0) AS recent_touches,
    COALESCE(c.recent_responses, 0) AS recent_responses,
    COALESCE(v.revenue, 0) AS revenue,
    COALESCE(v.discount, 0) AS discount
  FROM contacts c
  FULL OUTER JOIN converted v ON v.cluster = c.cluster AND v.channel = c.channel
)
SELECT
  s.cluster,
  b.channel,
  s.customers,
  b.reached,
  b.touches,
  b.responses,
  b.conversions,
  b.redemptions,
  b.early_touches,
  b.early_responses,
  b.recent_touches,
  b.recent_responses,
  CAST(b.revenue AS DOUBLE) AS revenue,
  CAST(b.discount AS DOUBLE) AS discount
FROM by_channel b
JOIN cluster_sizes s ON s.cluster = b.cluster
UNION ALL
SELECT
  s.cluster,
  NULL AS channel,
  s.customers,
  COALESCE(r.reached, 0) AS reached,
  COALESCE(SUM(b.touches), 0),
  COALESCE(SUM(b.responses), 0),
  COALESCE(SUM(b.conversions), 0),
  COALESCE(SUM(b.redemptions), 0),
  COALESCE(SUM(b.early_touches), 0),
  COALESCE(SUM(b.early_responses), 0),
  COALESCE(SUM(b.recent_touches), 0),
  COALESCE(SUM(b.recent_responses), 0),
  CAST(COALESCE(SUM(b.revenue), 0) AS DOUBLE),
  CAST(COALESCE(SUM(b.discount), 0) AS DOUBLE)
FROM cluster_sizes s
LEFT JOIN by_channel b ON b.cluster = s.cluster
LEFT JOIN reached_by_any r ON r.cluster = s.cluster
GROUP BY s.cluster, s.customers, r.reached
ORDER BY 1, 2 NULLS LAST
