-- Up Migration
-- The drill-down from a dashboard figure to the services behind it (hub/drill.ts): a service's
-- tags (ServiceRow tags, each ending with its business day: `flag:any@2026-11-25`) found through
-- an inverted index, and the chain's services of a period newest first without a sort of them all.
CREATE INDEX services_tags ON services USING gin ((data -> 'tags'));
CREATE INDEX services_newest ON services (day, (data ->> 'id'));

-- Down Migration
DROP INDEX services_newest;
DROP INDEX services_tags;
