-- The value model's back-test: what each customer seen in the calibration period did in the holdout.
--
-- One row per customer with a purchase on or before the calibration end and one in the holdout
-- (after the calibration end, up to the holdout end): the distinct days they bought on in the
-- holdout, counted as value_summary.sql counts purchases. Portable SQL, like customer_features.sql.
--
-- Inputs:
--   orders(customer, order_id, day, hour, online, gross, discount, dwell_minutes, contact)   as in customer_features.sql
--   back_test_window(calibration_end_day, holdout_end_day)   one row: the last day of each period

WITH purchase_days AS (
  SELECT DISTINCT o.customer, o.day
  FROM orders o
  CROSS JOIN back_test_window w
  WHERE o.day <= w.holdout_end_day
),
seen AS (
  SELECT p.customer
  FROM purchase_days p
  CROSS JOIN back_test_window w
  GROUP BY p.customer, w.calibration_end_day
  HAVING MIN(p.day) <= w.calibration_end_day
)
SELECT p.customer, COUNT(*) AS holdout_purchases
FROM purchase_days p
JOIN seen s ON s.customer = p.customer
CROSS JOIN back_test_window w
WHERE p.day > w.calibration_end_day
GROUP BY p.customer
ORDER BY p.customer
