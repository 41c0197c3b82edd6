-- Which campaign's ads get clicked, and how fast: a join of two streams with a time range, then a report
-- with a window function. Run from the repository root:
--   bin/fluxo run --once examples/sql/click_attribution.sql
-- Each run drops one more file into each stream folder, so the counts grow by one run's worth each time.

CREATE TABLE impressions (ad INT, it TIMESTAMP, campaign STRING) USING json LOCATION 'out/impressions';
CREATE TABLE clicks (ad INT, ct TIMESTAMP) USING json LOCATION 'out/clicks';

-- Stand-ins for the systems that write these streams.
INSERT INTO impressions VALUES
  (1, TIMESTAMP'2024-05-01 10:00:00', 'spring'),
  (2, TIMESTAMP'2024-05-01 10:00:30', 'spring'),
  (3, TIMESTAMP'2024-05-01 10:01:00', 'summer'),
  (4, TIMESTAMP'2024-05-01 10:02:00', 'summer'),
  (5, TIMESTAMP'2024-05-01 10:03:00', 'summer');
INSERT INTO clicks VALUES
  (1, TIMESTAMP'2024-05-01 10:00:20'),
  (3, TIMESTAMP'2024-05-01 10:05:00'),
  (4, TIMESTAMP'2024-05-01 10:02:10'),
  (5, TIMESTAMP'2024-05-01 10:30:00');  -- too late: more than 10 minutes after its impression

CREATE TABLE attributed (campaign STRING, ad INT, seconds_to_click BIGINT) USING json LOCATION 'out/attributed';

-- A click counts for an impression of the same ad shown at most 10 minutes before it.
INSERT INTO attributed
SELECT i.campaign, i.ad, unix_seconds(c.ct) - unix_seconds(i.it)
FROM STREAM impressions WATERMARK it DELAY OF INTERVAL 1 MINUTE i
JOIN STREAM clicks WATERMARK ct DELAY OF INTERVAL 1 MINUTE c
  ON i.ad = c.ad AND c.ct BETWEEN i.it AND i.it + INTERVAL 10 MINUTES;

SELECT campaign, count(*) AS clicks, round(avg(seconds_to_click), 1) AS avg_seconds,
       rank() OVER (ORDER BY count(*) DESC) AS place
FROM attributed
GROUP BY campaign
ORDER BY place, campaign;
