-- Revenue per 10-second window and category, from orders that arrive as JSON files.
-- Run it from the repository root:  bin/fluxo run --once examples/sql/orders_revenue.sql
-- (without --once the streaming INSERT keeps running, picking up new files in orders/, until Ctrl-C).
-- Relative locations are read from this file's folder; checkpoints go to _checkpoints/ next to it.

CREATE TABLE orders (ts TIMESTAMP, category STRING, amount DOUBLE)
USING json LOCATION 'out/orders';

-- A stand-in for the system that drops order files: this batch INSERT writes one more file on each run, and since
-- the checkpoint remembers the files already counted, each run adds these six orders to the totals once.
INSERT INTO orders VALUES
  (TIMESTAMP'2024-05-01 10:00:01', 'books', 12.50),
  (TIMESTAMP'2024-05-01 10:00:04', 'games', 59.90),
  (TIMESTAMP'2024-05-01 10:00:08', 'books', 7.25),
  (TIMESTAMP'2024-05-01 10:00:12', 'books', 20.00),
  (TIMESTAMP'2024-05-01 10:00:15', 'garden', 31.00),
  (TIMESTAMP'2024-05-01 10:00:19', 'games', 15.10);

-- A live table the streaming query keeps up to date (complete mode: the whole result each batch).
CREATE TABLE revenue (window_start TIMESTAMP, category STRING, revenue DOUBLE, orders BIGINT)
USING memory OPTIONS (outputMode 'complete');

INSERT INTO revenue
SELECT window.start, category, round(sum(amount), 2), count(*)
FROM STREAM orders
GROUP BY window(ts, '10 seconds'), category;

SELECT * FROM revenue ORDER BY window_start, category;
