-- Up Migration
-- The version of the review's code each device's service rows and rollups were written by
-- (REVIEW_VERSION in core/domain/review/review-projector.ts). A device behind it has its rows
-- rebuilt from its records when the hub starts, or at its next push. 0: never rebuilt.
ALTER TABLE devices ADD COLUMN review_version integer NOT NULL DEFAULT 0;

-- Down Migration
ALTER TABLE devices DROP COLUMN review_version;
