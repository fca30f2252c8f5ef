-- The value model's back-test: the cohort's repeat purchases week by week, for its tracking curve.
--
-- One row per week (week = FLOOR(day / 7), from the window's first day) with a repeat purchase: the
-- distinct days, after each customer's first purchase day and up to the holdout end, that the
-- customers seen in the calibration period bought on. Portable SQL, like customer_features.sql.
--
-- Inputs:
--   orders(customer, order_id, day, hour, online, gross, discount, dwell_minutes, contact)   as in customer_features.sql
--   back_test_window(calibration_end_day, holdout_end_day)   as in holdout_purchases.sql

WITH purchase_days AS (
  SELECT DISTINCT o.customer, o.day
  FROM orders o
  CROSS JOIN back_test_window w
  WHERE o.day <= w.holdout_end_day
),
firsts AS (
  SELECT customer, MIN(day) AS first_day
  FROM purchase_days
  GROUP BY customer
)
SELECT CAST(FLOOR(p.day / 7.0) AS INTEGER) AS week, COUNT(*) AS repeat_purchases
FROM purchase_days p
JOIN firsts f ON f.customer = p.customer
CROSS JOIN back_test_window w
WHERE f.first_day <= w.calibration_end_day AND p.day > f.first_day
GROUP BY CAST(FLOOR(p.day / 7.0) AS INTEGER)
ORDER BY week
