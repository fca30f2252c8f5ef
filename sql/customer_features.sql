-- Per-customer features: the contract between the order lines and the dashboard's segmentation.
--
-- One row per customer with at least one order, in the units lib/features/customer-features.ts
-- documents. Written in a portable dialect (CTEs, CASE, COUNT(DISTINCT), GREATEST/LEAST, FLOOR/CEIL),
-- so the same text runs on DuckDB here and on a warehouse (BigQuery, Snowflake, Databricks SQL).
--
-- Inputs (a warehouse job produces these four relations):
--   build_window(window_days, recent_from_day)
--       one row: days in the observation window, and the day from which activity is "recent";
--   orders(customer, order_id, day, hour, online, gross, discount, dwell_minutes, contact)
--       one row per order; day = whole days since the window's first day (0-based); hour = the
--       local hour it was placed (0–23; for the weekday × hour and first-order views); online = 1 for
--       an online order, 0 in store; gross before discount, discount as an amount, both
--       DECIMAL(18, 2) in the build's currency (exact sums: the result cannot depend on how a
--       parallel engine orders its additions); dwell_minutes of an in-store visit (0 online;
--       summed as DECIMAL(38, 9), each rounded to a billionth of a minute, for the same reason);
--       contact = the contact channel whose message converted the order ('email', 'sms', 'app',
--       'event'), NULL when none did;
--   order_lines(order_id, customer, category, quantity, impulse, net)
--       one row per line, carrying its order's customer as a line-level export does, so the
--       line aggregates need no join to orders; category any stable key;
--       impulse = 1 for an impulse line, else 0; net = the line's share of its order's net amount
--       (the order's discount spread pro rata; for the category views: category_cells.sql,
--       category_pairs.sql, category_demand.sql, customer_top_intent.sql);
--   marketing(customer, channel, period, touches, responses, conversions, redemptions)
--       per customer, contact channel ('email', 'sms', 'app', 'event') and period (0 = earlier,
--       1 = recent): messages sent, responses, orders converted, discount codes redeemed; empty
--       when the brand has no marketing data (this view sums touches and responses over channels).
--
-- A month is 30.4375 days, as in the TypeScript reference. Ratios without a denominator are NULL
-- (NaN in the reference), except discount_share and impulse_share, which are 0.

WITH w AS (
  SELECT window_days, recent_from_day, 30.4375 AS days_per_month FROM build_window
),
line_totals AS (
  SELECT
    l.customer,
    SUM(l.quantity) AS units,
    COUNT(*) AS lines,
    SUM(l.impulse) AS impulse_lines,
    COUNT(DISTINCT l.category) AS categories
  FROM order_lines l
  GROUP BY l.customer
),
order_totals AS (
  SELECT
    o.customer,
    COUNT(*) AS orders,
    MIN(o.day) AS first_day,
    MAX(o.day) AS last_day,
    CAST(SUM(o.gross) AS DOUBLE) AS gross,
    CAST(SUM(o.discount) AS DOUBLE) AS discount,
    CAST(SUM(o.gross - o.discount) AS DOUBLE) AS net,
    SUM(o.online) AS online_orders,
    SUM(1 - o.online) AS instore_orders,
    CAST(SUM(CASE WHEN o.online = 0 THEN CAST(o.dwell_minutes AS DECIMAL(38, 9)) ELSE 0 END) AS DOUBLE) AS dwell,
    SUM(CASE WHEN o.day >= w.recent_from_day THEN 1 ELSE 0 END) AS recent_orders,
    SUM(CASE WHEN o.day < w.recent_from_day THEN 1 ELSE 0 END) AS earlier_orders,
    COUNT(DISTINCT FLOOR(o.day / w.days_per_month)) AS active_months
  FROM orders o
  CROSS JOIN w
  GROUP BY o.customer
),
marketing_totals AS (
  SELECT
    customer,
    SUM(touches) AS touches,
    SUM(responses) AS responses,
    SUM(CASE WHEN period = 0 THEN touches ELSE 0 END) AS earlier_touches,
    SUM(CASE WHEN period = 0 THEN responses ELSE 0 END) AS earlier_responses,
    SUM(CASE WHEN period = 1 THEN touches ELSE 0 END) AS recent_touches,
    SUM(CASE WHEN period = 1 THEN responses ELSE 0 END) AS recent_responses
  FROM marketing
  GROUP BY customer
),
spans AS (
  SELECT
    t.*,
    w.window_days - t.first_day AS tenure_days,
    GREATEST(1, (w.window_days - t.first_day) / w.days_per_month) AS tenure_months,
    w.recent_from_day - t.first_day AS earlier_days,
    w.window_days - GREATEST(t.first_day, w.recent_from_day) AS recent_days,
    w.window_days,
    w.days_per_month
  FROM order_totals t
  CROSS JOIN w
)
SELECT
  s.customer,
  s.orders AS order_count,
  s.orders / s.tenure_months AS orders_per_month,
  s.window_days - 1 - s.last_day AS recency_days,
  s.tenure_days,
  s.net AS total_spend,
  s.net / s.orders AS avg_order_value,
  l.units * 1.0 / s.orders AS basket_size,
  CASE WHEN s.instore_orders > 0 THEN s.dwell / s.instore_orders END AS dwell_minutes,
  s.online_orders * 1.0 / s.orders AS online_ratio,
  COALESCE(l.categories, 0) AS category_diversity,
  CASE WHEN s.gross > 0 THEN s.discount / s.gross ELSE 0 END AS discount_share,
  LEAST(1, s.active_months * 1.0 / GREATEST(1, CEIL(s.tenure_days / s.days_per_month))) AS active_month_share,
  CASE WHEN s.earlier_days >= 30 THEN 30.0 * s.earlier_orders / s.earlier_days END AS earlier_order_rate,
  CASE WHEN s.recent_days > 0 THEN 30.0 * s.recent_orders / s.recent_days END AS recent_order_rate,
  CASE WHEN m.touches > 0 THEN m.responses * 1.0 / m.touches END AS response_rate,
  CASE WHEN m.earlier_touches > 0 THEN m.earlier_responses * 1.0 / m.earlier_touches END AS earlier_response_rate,
  CASE WHEN m.recent_touches > 0 THEN m.recent_responses * 1.0 / m.recent_touches END AS recent_response_rate,
  CASE WHEN m.customer IS NOT NULL THEN m.responses / s.tenure_months END AS responses_per_month,
  CASE WHEN l.lines > 0 THEN l.impulse_lines * 1.0 / l.lines ELSE 0 END AS impulse_share,
  s.first_day AS first_order_day,
  s.last_day AS last_order_day
FROM spans s
LEFT JOIN line_totals l ON l.customer = s.customer
LEFT JOIN marketing_totals m ON m.customer = s.customer
ORDER BY s.customer
