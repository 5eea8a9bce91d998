-- A random identity for the store, made once with its schema.
INSERT INTO store_info (id, store_id, legacy_plans_up_to)
SELECT 1, CAST(RANDOM_UUID() AS VARCHAR(64)), COALESCE(MAX(id), 0) FROM plans;
