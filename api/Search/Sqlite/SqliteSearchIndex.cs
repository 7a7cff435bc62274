namespace Signpost.Search.Sqlite;

/// <summary>
/// The SQLite search indexes, created by the <c>SearchIndexes</c> migration and kept in step with
/// the HSDS tables by triggers, so every write path (API, seed, bulk import) maintains them:
/// <list type="bullet">
/// <item><c>location_rtree</c>: R*Tree over location coordinates (bounding-box search).</item>
/// <item><c>service_area_rtree</c>: R*Tree over service-area envelopes ("who covers my point?").</item>
/// <item><c>service_fts</c>: FTS5 over service, organisation and category names and descriptions.</item>
/// </list>
/// Each migration uses the version of this text it was written with; a change is a new version.
/// </summary>
public static class SqliteSearchIndex
{
    /// <summary>
    /// FTS5 column weights for bm25(), in column order: name, organisation, categories, description,
    /// and the place cells (<see cref="FullTextV2"/>), which never count towards relevance.
    /// </summary>
    public const string Bm25Weights = "10.0, 4.0, 6.0, 1.0, 0.0";

    /// <summary>Version 1 geo indexes: location and service-area R*Trees joined back to their tables.</summary>
    public const string GeoV1 = """
        CREATE VIRTUAL TABLE location_rtree USING rtree(id, min_latitude, max_latitude, min_longitude, max_longitude);

        INSERT INTO location_rtree (id, min_latitude, max_latitude, min_longitude, max_longitude)
        SELECT row_id, latitude, latitude, longitude, longitude FROM locations
        WHERE latitude IS NOT NULL AND longitude IS NOT NULL;

        CREATE TRIGGER locations_rtree_insert AFTER INSERT ON locations
        WHEN NEW.latitude IS NOT NULL AND NEW.longitude IS NOT NULL
        BEGIN
            INSERT INTO location_rtree (id, min_latitude, max_latitude, min_longitude, max_longitude)
            VALUES (NEW.row_id, NEW.latitude, NEW.latitude, NEW.longitude, NEW.longitude);
        END;

        CREATE TRIGGER locations_rtree_update AFTER UPDATE OF latitude, longitude ON locations
        BEGIN
            DELETE FROM location_rtree WHERE id = OLD.row_id;
            INSERT INTO location_rtree (id, min_latitude, max_latitude, min_longitude, max_longitude)
            SELECT NEW.row_id, NEW.latitude, NEW.latitude, NEW.longitude, NEW.longitude
            WHERE NEW.latitude IS NOT NULL AND NEW.longitude IS NOT NULL;
        END;

        CREATE TRIGGER locations_rtree_delete AFTER DELETE ON locations
        BEGIN
            DELETE FROM location_rtree WHERE id = OLD.row_id;
        END;

        CREATE VIRTUAL TABLE service_area_rtree USING rtree(id, min_latitude, max_latitude, min_longitude, max_longitude);

        INSERT INTO service_area_rtree (id, min_latitude, max_latitude, min_longitude, max_longitude)
        SELECT row_id, min_latitude, max_latitude, min_longitude, max_longitude FROM service_areas
        WHERE min_latitude IS NOT NULL;

        CREATE TRIGGER service_areas_rtree_insert AFTER INSERT ON service_areas
        WHEN NEW.min_latitude IS NOT NULL
        BEGIN
            INSERT INTO service_area_rtree (id, min_latitude, max_latitude, min_longitude, max_longitude)
            VALUES (NEW.row_id, NEW.min_latitude, NEW.max_latitude, NEW.min_longitude, NEW.max_longitude);
        END;

        CREATE TRIGGER service_areas_rtree_update AFTER UPDATE OF min_latitude, max_latitude, min_longitude, max_longitude ON service_areas
        BEGIN
            DELETE FROM service_area_rtree WHERE id = OLD.row_id;
            INSERT INTO service_area_rtree (id, min_latitude, max_latitude, min_longitude, max_longitude)
            SELECT NEW.row_id, NEW.min_latitude, NEW.max_latitude, NEW.min_longitude, NEW.max_longitude
            WHERE NEW.min_latitude IS NOT NULL;
        END;

        CREATE TRIGGER service_areas_rtree_delete AFTER DELETE ON service_areas
        BEGIN
            DELETE FROM service_area_rtree WHERE id = OLD.row_id;
        END;

        """;

    /// <summary>Version 1 text index: FTS5 over services with their organisation and categories.</summary>
    public const string FullTextV1 = """
        CREATE VIRTUAL TABLE service_fts USING fts5(
            name, organization, categories, description,
            content = '', contentless_delete = 1,
            tokenize = 'porter unicode61 remove_diacritics 2');

        CREATE VIEW service_fts_source AS
        SELECT s.row_id AS row_id,
               s.name || coalesce(' ' || s.alternate_name, '') AS name,
               coalesce(o.name, '') || coalesce(' ' || o.alternate_name, '') AS organization,
               coalesce((SELECT group_concat(t.name || ' ' || t.description, ' ')
                         FROM attributes a JOIN taxonomy_terms t ON t.id = a.taxonomy_term_id
                         WHERE a.link_id = s.id), '') AS categories,
               coalesce(s.description, '') || ' ' || coalesce(o.description, '') AS description
        FROM services s LEFT JOIN organizations o ON o.id = s.organization_id;

        INSERT INTO service_fts (rowid, name, organization, categories, description)
        SELECT row_id, name, organization, categories, description FROM service_fts_source;

        CREATE TRIGGER services_fts_insert AFTER INSERT ON services
        BEGIN
            INSERT INTO service_fts (rowid, name, organization, categories, description)
            SELECT row_id, name, organization, categories, description FROM service_fts_source WHERE row_id = NEW.row_id;
        END;

        CREATE TRIGGER services_fts_update AFTER UPDATE OF name, alternate_name, description, organization_id ON services
        BEGIN
            DELETE FROM service_fts WHERE rowid = OLD.row_id;
            INSERT INTO service_fts (rowid, name, organization, categories, description)
            SELECT row_id, name, organization, categories, description FROM service_fts_source WHERE row_id = NEW.row_id;
        END;

        CREATE TRIGGER services_fts_delete AFTER DELETE ON services
        BEGIN
            DELETE FROM service_fts WHERE rowid = OLD.row_id;
        END;

        CREATE TRIGGER organizations_fts_update AFTER UPDATE OF name, alternate_name, description ON organizations
        BEGIN
            DELETE FROM service_fts WHERE rowid IN (SELECT row_id FROM services WHERE organization_id = NEW.id);
            INSERT INTO service_fts (rowid, name, organization, categories, description)
            SELECT f.row_id, f.name, f.organization, f.categories, f.description
            FROM service_fts_source f JOIN services s ON s.row_id = f.row_id WHERE s.organization_id = NEW.id;
        END;

        CREATE TRIGGER attributes_fts_insert AFTER INSERT ON attributes
        BEGIN
            DELETE FROM service_fts WHERE rowid = (SELECT row_id FROM services WHERE id = NEW.link_id);
            INSERT INTO service_fts (rowid, name, organization, categories, description)
            SELECT f.row_id, f.name, f.organization, f.categories, f.description
            FROM service_fts_source f JOIN services s ON s.row_id = f.row_id WHERE s.id = NEW.link_id;
        END;

        CREATE TRIGGER attributes_fts_delete AFTER DELETE ON attributes
        BEGIN
            DELETE FROM service_fts WHERE rowid = (SELECT row_id FROM services WHERE id = OLD.link_id);
            INSERT INTO service_fts (rowid, name, organization, categories, description)
            SELECT f.row_id, f.name, f.organization, f.categories, f.description
            FROM service_fts_source f JOIN services s ON s.row_id = f.row_id WHERE s.id = OLD.link_id;
        END;
        """;

    public const string CreateV1 = GeoV1 + FullTextV1;

    /// <summary>
    /// Version 2 geo indexes. One R*Tree row per (listed service, location) pair carrying the
    /// service's row id and the location's unit vector, so a near-me search reads only the R*Tree:
    /// squared chord length between unit vectors orders and filters exactly like great-circle
    /// distance, in a handful of arithmetic operations. Only listed services (active or temporarily
    /// closed) are in the geo indexes; a status change moves a service in or out.
    /// </summary>
    public const string GeoV2 = """
        DROP TRIGGER locations_rtree_insert;
        DROP TRIGGER locations_rtree_update;
        DROP TRIGGER locations_rtree_delete;
        DROP TABLE location_rtree;
        DROP TRIGGER service_areas_rtree_insert;
        DROP TRIGGER service_areas_rtree_update;
        DROP TRIGGER service_areas_rtree_delete;
        DROP TABLE service_area_rtree;

        UPDATE service_areas SET extent_rings = geo_rings(extent) WHERE extent IS NOT NULL AND extent_rings IS NULL;

        CREATE VIEW service_location_points AS
        SELECT sal.row_id AS id, l.latitude AS latitude, l.longitude AS longitude, s.row_id AS service_row_id,
               cos(radians(l.latitude)) * cos(radians(l.longitude)) AS x,
               cos(radians(l.latitude)) * sin(radians(l.longitude)) AS y,
               sin(radians(l.latitude)) AS z
        FROM service_at_locations sal
        JOIN locations l ON l.id = sal.location_id
        JOIN services s ON s.id = sal.service_id
        WHERE l.latitude IS NOT NULL AND l.longitude IS NOT NULL
          AND s.status IN ('active', 'temporarily closed');

        CREATE VIRTUAL TABLE service_location_rtree USING rtree(
            id, min_latitude, max_latitude, min_longitude, max_longitude, +service_row_id, +x, +y, +z);

        INSERT INTO service_location_rtree
        SELECT id, latitude, latitude, longitude, longitude, service_row_id, x, y, z FROM service_location_points;

        CREATE TRIGGER service_at_locations_rtree_insert AFTER INSERT ON service_at_locations
        BEGIN
            INSERT INTO service_location_rtree
            SELECT id, latitude, latitude, longitude, longitude, service_row_id, x, y, z
            FROM service_location_points WHERE id = NEW.row_id;
        END;

        CREATE TRIGGER service_at_locations_rtree_delete AFTER DELETE ON service_at_locations
        BEGIN
            DELETE FROM service_location_rtree WHERE id = OLD.row_id;
        END;

        CREATE TRIGGER locations_rtree_update AFTER UPDATE OF latitude, longitude ON locations
        BEGIN
            DELETE FROM service_location_rtree
            WHERE id IN (SELECT row_id FROM service_at_locations WHERE location_id = NEW.id);
            INSERT INTO service_location_rtree
            SELECT id, latitude, latitude, longitude, longitude, service_row_id, x, y, z
            FROM service_location_points
            WHERE id IN (SELECT row_id FROM service_at_locations WHERE location_id = NEW.id);
        END;

        CREATE VIEW service_area_envelopes AS
        SELECT sa.row_id AS id, sa.min_latitude AS min_latitude, sa.max_latitude AS max_latitude,
               sa.min_longitude AS min_longitude, sa.max_longitude AS max_longitude, s.row_id AS service_row_id
        FROM service_areas sa
        JOIN services s ON s.id = sa.service_id
        WHERE sa.min_latitude IS NOT NULL AND sa.extent_rings IS NOT NULL
          AND s.status IN ('active', 'temporarily closed');

        CREATE VIRTUAL TABLE service_area_rtree USING rtree(
            id, min_latitude, max_latitude, min_longitude, max_longitude, +service_row_id);

        INSERT INTO service_area_rtree SELECT * FROM service_area_envelopes;

        CREATE TRIGGER service_areas_rtree_insert AFTER INSERT ON service_areas
        BEGIN
            INSERT INTO service_area_rtree SELECT * FROM service_area_envelopes WHERE id = NEW.row_id;
        END;

        CREATE TRIGGER service_areas_rtree_update
        AFTER UPDATE OF min_latitude, max_latitude, min_longitude, max_longitude, extent_rings ON service_areas
        BEGIN
            DELETE FROM service_area_rtree WHERE id = OLD.row_id;
            INSERT INTO service_area_rtree SELECT * FROM service_area_envelopes WHERE id = NEW.row_id;
        END;

        CREATE TRIGGER service_areas_rtree_delete AFTER DELETE ON service_areas
        BEGIN
            DELETE FROM service_area_rtree WHERE id = OLD.row_id;
        END;

        CREATE TRIGGER services_listing_update AFTER UPDATE OF status ON services
        BEGIN
            DELETE FROM service_location_rtree
            WHERE id IN (SELECT row_id FROM service_at_locations WHERE service_id = NEW.id);
            INSERT INTO service_location_rtree
            SELECT id, latitude, latitude, longitude, longitude, service_row_id, x, y, z
            FROM service_location_points
            WHERE id IN (SELECT row_id FROM service_at_locations WHERE service_id = NEW.id);
            DELETE FROM service_area_rtree
            WHERE id IN (SELECT row_id FROM service_areas WHERE service_id = NEW.id);
            INSERT INTO service_area_rtree SELECT * FROM service_area_envelopes
            WHERE id IN (SELECT row_id FROM service_areas WHERE service_id = NEW.id);
        END;
        """;

    /// <summary>Undoes <see cref="GeoV2"/> and rebuilds the version 1 geo indexes.</summary>
    public const string DropGeoV2 = """
        DROP TRIGGER services_listing_update;
        DROP TRIGGER service_areas_rtree_delete;
        DROP TRIGGER service_areas_rtree_update;
        DROP TRIGGER service_areas_rtree_insert;
        DROP TABLE service_area_rtree;
        DROP VIEW service_area_envelopes;
        DROP TRIGGER locations_rtree_update;
        DROP TRIGGER service_at_locations_rtree_delete;
        DROP TRIGGER service_at_locations_rtree_insert;
        DROP TABLE service_location_rtree;
        DROP VIEW service_location_points;
        """ + GeoV1;

    /// <summary>Fixed-point scale of coordinates in the integer R*Trees: 1e-7 degrees, about 1 cm.</summary>
    public const double CoordinateScale = 10_000_000;

    /// <summary>
    /// Version 3 geo indexes: integer R*Trees whose nodes hold everything a near-me search reads.
    /// Auxiliary columns (version 2) cost a B-tree lookup per candidate, about 1.3 µs; a city point
    /// at 1,000,000 services has over 11,000 candidates. Here latitude and longitude are stored as
    /// integers of 1e-7 degrees (exact for coordinates of up to seven decimals) and the service's row
    /// id is a third dimension, so a candidate is read straight from the R*Tree node. Service-area
    /// rings move to a narrow side table so the polygon test reads only what it needs.
    /// </summary>
    public const string GeoV3 = """
        DROP TRIGGER services_listing_update;
        DROP TRIGGER service_areas_rtree_delete;
        DROP TRIGGER service_areas_rtree_update;
        DROP TRIGGER service_areas_rtree_insert;
        DROP TABLE service_area_rtree;
        DROP VIEW service_area_envelopes;
        DROP TRIGGER locations_rtree_update;
        DROP TRIGGER service_at_locations_rtree_delete;
        DROP TRIGGER service_at_locations_rtree_insert;
        DROP TABLE service_location_rtree;
        DROP VIEW service_location_points;

        CREATE VIEW service_location_points AS
        SELECT sal.row_id AS id,
               CAST(round(l.latitude * 10000000) AS INTEGER) AS latitude,
               CAST(round(l.longitude * 10000000) AS INTEGER) AS longitude,
               s.row_id AS service_row_id
        FROM service_at_locations sal
        JOIN locations l ON l.id = sal.location_id
        JOIN services s ON s.id = sal.service_id
        WHERE l.latitude IS NOT NULL AND l.longitude IS NOT NULL
          AND s.status IN ('active', 'temporarily closed');

        CREATE VIRTUAL TABLE service_location_rtree USING rtree_i32(
            id, min_latitude, max_latitude, min_longitude, max_longitude, min_service, max_service);

        INSERT INTO service_location_rtree
        SELECT id, latitude, latitude, longitude, longitude, service_row_id, service_row_id FROM service_location_points;

        CREATE TRIGGER service_at_locations_rtree_insert AFTER INSERT ON service_at_locations
        BEGIN
            INSERT INTO service_location_rtree
            SELECT id, latitude, latitude, longitude, longitude, service_row_id, service_row_id
            FROM service_location_points WHERE id = NEW.row_id;
        END;

        CREATE TRIGGER service_at_locations_rtree_delete AFTER DELETE ON service_at_locations
        BEGIN
            DELETE FROM service_location_rtree WHERE id = OLD.row_id;
        END;

        CREATE TRIGGER locations_rtree_update AFTER UPDATE OF latitude, longitude ON locations
        BEGIN
            DELETE FROM service_location_rtree
            WHERE id IN (SELECT row_id FROM service_at_locations WHERE location_id = NEW.id);
            INSERT INTO service_location_rtree
            SELECT id, latitude, latitude, longitude, longitude, service_row_id, service_row_id
            FROM service_location_points
            WHERE id IN (SELECT row_id FROM service_at_locations WHERE location_id = NEW.id);
        END;

        CREATE TABLE service_area_rings (row_id INTEGER PRIMARY KEY, rings BLOB NOT NULL);

        INSERT INTO service_area_rings SELECT row_id, extent_rings FROM service_areas WHERE extent_rings IS NOT NULL;

        CREATE VIEW service_area_envelopes AS
        SELECT sa.row_id AS id,
               CAST(floor(sa.min_latitude * 10000000) AS INTEGER) AS min_latitude,
               CAST(ceil(sa.max_latitude * 10000000) AS INTEGER) AS max_latitude,
               CAST(floor(sa.min_longitude * 10000000) AS INTEGER) AS min_longitude,
               CAST(ceil(sa.max_longitude * 10000000) AS INTEGER) AS max_longitude,
               s.row_id AS min_service, s.row_id AS max_service
        FROM service_areas sa
        JOIN services s ON s.id = sa.service_id
        WHERE sa.min_latitude IS NOT NULL AND sa.extent_rings IS NOT NULL
          AND s.status IN ('active', 'temporarily closed');

        CREATE VIRTUAL TABLE service_area_rtree USING rtree_i32(
            id, min_latitude, max_latitude, min_longitude, max_longitude, min_service, max_service);

        INSERT INTO service_area_rtree SELECT * FROM service_area_envelopes;

        CREATE TRIGGER service_areas_rtree_insert AFTER INSERT ON service_areas
        BEGIN
            INSERT INTO service_area_rings SELECT NEW.row_id, NEW.extent_rings WHERE NEW.extent_rings IS NOT NULL;
            INSERT INTO service_area_rtree SELECT * FROM service_area_envelopes WHERE id = NEW.row_id;
        END;

        CREATE TRIGGER service_areas_rtree_update
        AFTER UPDATE OF min_latitude, max_latitude, min_longitude, max_longitude, extent_rings ON service_areas
        BEGIN
            DELETE FROM service_area_rings WHERE row_id = OLD.row_id;
            DELETE FROM service_area_rtree WHERE id = OLD.row_id;
            INSERT INTO service_area_rings SELECT NEW.row_id, NEW.extent_rings WHERE NEW.extent_rings IS NOT NULL;
            INSERT INTO service_area_rtree SELECT * FROM service_area_envelopes WHERE id = NEW.row_id;
        END;

        CREATE TRIGGER service_areas_rtree_delete AFTER DELETE ON service_areas
        BEGIN
            DELETE FROM service_area_rings WHERE row_id = OLD.row_id;
            DELETE FROM service_area_rtree WHERE id = OLD.row_id;
        END;

        CREATE TRIGGER services_listing_update AFTER UPDATE OF status ON services
        BEGIN
            DELETE FROM service_location_rtree
            WHERE id IN (SELECT row_id FROM service_at_locations WHERE service_id = NEW.id);
            INSERT INTO service_location_rtree
            SELECT id, latitude, latitude, longitude, longitude, service_row_id, service_row_id
            FROM service_location_points
            WHERE id IN (SELECT row_id FROM service_at_locations WHERE service_id = NEW.id);
            DELETE FROM service_area_rtree
            WHERE id IN (SELECT row_id FROM service_areas WHERE service_id = NEW.id);
            INSERT INTO service_area_rtree SELECT * FROM service_area_envelopes
            WHERE id IN (SELECT row_id FROM service_areas WHERE service_id = NEW.id);
        END;
        """;

    /// <summary>Undoes <see cref="GeoV3"/>: rebuilds version 1, then converts it to version 2 as that migration did.</summary>
    public const string DropGeoV3 = """
        DROP TRIGGER services_listing_update;
        DROP TRIGGER service_areas_rtree_delete;
        DROP TRIGGER service_areas_rtree_update;
        DROP TRIGGER service_areas_rtree_insert;
        DROP TABLE service_area_rtree;
        DROP VIEW service_area_envelopes;
        DROP TABLE service_area_rings;
        DROP TRIGGER locations_rtree_update;
        DROP TRIGGER service_at_locations_rtree_delete;
        DROP TRIGGER service_at_locations_rtree_insert;
        DROP TABLE service_location_rtree;
        DROP VIEW service_location_points;
        """ + GeoV1 + GeoV2;

    /// <summary>
    /// Version 2 text index: the words of version 1 plus a <c>places</c> column holding the grid cells
    /// of the service's located places (<see cref="SqlitePlaceCells"/>), so FTS5 itself intersects
    /// "bereavement" with the cells around a point. Version 1 ran the words over the whole country
    /// and intersected in C#: at 1,000,000 services "bereavement" matches ~135,000 services, about
    /// 160 ms a search. A service's row is rewritten when its places change, as when its words do.
    /// </summary>
    public const string FullTextV2 = """
        DROP TRIGGER attributes_fts_delete;
        DROP TRIGGER attributes_fts_insert;
        DROP TRIGGER organizations_fts_update;
        DROP TRIGGER services_fts_delete;
        DROP TRIGGER services_fts_update;
        DROP TRIGGER services_fts_insert;
        DROP VIEW service_fts_source;
        DROP TABLE service_fts;

        CREATE VIRTUAL TABLE service_fts USING fts5(
            name, organization, categories, description, places,
            content = '', contentless_delete = 1,
            tokenize = 'porter unicode61 remove_diacritics 2');

        CREATE VIEW service_fts_source AS
        SELECT s.row_id AS row_id,
               s.name || coalesce(' ' || s.alternate_name, '') AS name,
               coalesce(o.name, '') || coalesce(' ' || o.alternate_name, '') AS organization,
               coalesce((SELECT group_concat(t.name || ' ' || t.description, ' ')
                         FROM attributes a JOIN taxonomy_terms t ON t.id = a.taxonomy_term_id
                         WHERE a.link_id = s.id), '') AS categories,
               coalesce(s.description, '') || ' ' || coalesce(o.description, '') AS description,
               coalesce((SELECT group_concat(cell, ' ') FROM (
                   SELECT DISTINCT 'p' || lv.column1
                          || 'x' || CAST(floor((l.longitude + 180) / lv.column2) AS INTEGER)
                          || 'y' || CAST(floor((l.latitude + 90) / lv.column2) AS INTEGER) AS cell
                   FROM service_at_locations sal
                   JOIN locations l ON l.id = sal.location_id
                   JOIN (VALUES (0, 0.02), (1, 0.08), (2, 0.32), (3, 1.28)) lv
                   WHERE sal.service_id = s.id AND l.latitude IS NOT NULL AND l.longitude IS NOT NULL)), '') AS places
        FROM services s LEFT JOIN organizations o ON o.id = s.organization_id;

        INSERT INTO service_fts (rowid, name, organization, categories, description, places)
        SELECT row_id, name, organization, categories, description, places FROM service_fts_source;

        -- One segment instead of the dozens a bulk rebuild leaves: every later query reads one b-tree.
        INSERT INTO service_fts (service_fts) VALUES ('optimize');

        CREATE TRIGGER services_fts_insert AFTER INSERT ON services
        BEGIN
            INSERT INTO service_fts (rowid, name, organization, categories, description, places)
            SELECT row_id, name, organization, categories, description, places FROM service_fts_source WHERE row_id = NEW.row_id;
        END;

        CREATE TRIGGER services_fts_update AFTER UPDATE OF name, alternate_name, description, organization_id ON services
        BEGIN
            DELETE FROM service_fts WHERE rowid = OLD.row_id;
            INSERT INTO service_fts (rowid, name, organization, categories, description, places)
            SELECT row_id, name, organization, categories, description, places FROM service_fts_source WHERE row_id = NEW.row_id;
        END;

        CREATE TRIGGER services_fts_delete AFTER DELETE ON services
        BEGIN
            DELETE FROM service_fts WHERE rowid = OLD.row_id;
        END;

        CREATE TRIGGER organizations_fts_update AFTER UPDATE OF name, alternate_name, description ON organizations
        BEGIN
            DELETE FROM service_fts WHERE rowid IN (SELECT row_id FROM services WHERE organization_id = NEW.id);
            INSERT INTO service_fts (rowid, name, organization, categories, description, places)
            SELECT f.row_id, f.name, f.organization, f.categories, f.description, f.places
            FROM service_fts_source f JOIN services s ON s.row_id = f.row_id WHERE s.organization_id = NEW.id;
        END;

        CREATE TRIGGER attributes_fts_insert AFTER INSERT ON attributes
        BEGIN
            DELETE FROM service_fts WHERE rowid = (SELECT row_id FROM services WHERE id = NEW.link_id);
            INSERT INTO service_fts (rowid, name, organization, categories, description, places)
            SELECT f.row_id, f.name, f.organization, f.categories, f.description, f.places
            FROM service_fts_source f JOIN services s ON s.row_id = f.row_id WHERE s.id = NEW.link_id;
        END;

        CREATE TRIGGER attributes_fts_delete AFTER DELETE ON attributes
        BEGIN
            DELETE FROM service_fts WHERE rowid = (SELECT row_id FROM services WHERE id = OLD.link_id);
            INSERT INTO service_fts (rowid, name, organization, categories, description, places)
            SELECT f.row_id, f.name, f.organization, f.categories, f.description, f.places
            FROM service_fts_source f JOIN services s ON s.row_id = f.row_id WHERE s.id = OLD.link_id;
        END;

        CREATE TRIGGER service_at_locations_fts_insert AFTER INSERT ON service_at_locations
        BEGIN
            DELETE FROM service_fts WHERE rowid = (SELECT row_id FROM services WHERE id = NEW.service_id);
            INSERT INTO service_fts (rowid, name, organization, categories, description, places)
            SELECT f.row_id, f.name, f.organization, f.categories, f.description, f.places
            FROM service_fts_source f JOIN services s ON s.row_id = f.row_id WHERE s.id = NEW.service_id;
        END;

        CREATE TRIGGER service_at_locations_fts_delete AFTER DELETE ON service_at_locations
        BEGIN
            DELETE FROM service_fts WHERE rowid = (SELECT row_id FROM services WHERE id = OLD.service_id);
            INSERT INTO service_fts (rowid, name, organization, categories, description, places)
            SELECT f.row_id, f.name, f.organization, f.categories, f.description, f.places
            FROM service_fts_source f JOIN services s ON s.row_id = f.row_id WHERE s.id = OLD.service_id;
        END;

        CREATE TRIGGER locations_fts_update AFTER UPDATE OF latitude, longitude ON locations
        BEGIN
            DELETE FROM service_fts WHERE rowid IN (
                SELECT s.row_id FROM service_at_locations sal JOIN services s ON s.id = sal.service_id WHERE sal.location_id = NEW.id);
            INSERT INTO service_fts (rowid, name, organization, categories, description, places)
            SELECT f.row_id, f.name, f.organization, f.categories, f.description, f.places
            FROM service_fts_source f
            WHERE f.row_id IN (SELECT s.row_id FROM service_at_locations sal JOIN services s ON s.id = sal.service_id WHERE sal.location_id = NEW.id);
        END;
        """;

    /// <summary>Undoes <see cref="FullTextV2"/>: back to the version 1 text index.</summary>
    public const string DropFullTextV2 = """
        DROP TRIGGER locations_fts_update;
        DROP TRIGGER service_at_locations_fts_delete;
        DROP TRIGGER service_at_locations_fts_insert;
        DROP TRIGGER attributes_fts_delete;
        DROP TRIGGER attributes_fts_insert;
        DROP TRIGGER organizations_fts_update;
        DROP TRIGGER services_fts_delete;
        DROP TRIGGER services_fts_update;
        DROP TRIGGER services_fts_insert;
        DROP VIEW service_fts_source;
        DROP TABLE service_fts;
        """ + FullTextV1;

    /// <summary>
    /// Rebuilds the version 3 R*Trees from their own rows. Trees grown one trigger at a time over
    /// a million inserts and status changes end up with badly overlapping nodes: at 1,000,000
    /// services a 250 m box read 21 rows in 1.45 ms from the grown tree and in 0.07 ms from the same
    /// rows inserted afresh (5 km: 11.4 ms and 7.0 ms). Triggers name the trees, so they stay valid.
    /// </summary>
    public const string RebuildGeoV3 = """
        CREATE TABLE rtree_rebuild AS SELECT * FROM service_location_rtree;
        DROP TABLE service_location_rtree;
        CREATE VIRTUAL TABLE service_location_rtree USING rtree_i32(
            id, min_latitude, max_latitude, min_longitude, max_longitude, min_service, max_service);
        INSERT INTO service_location_rtree SELECT * FROM rtree_rebuild;
        DROP TABLE rtree_rebuild;

        CREATE TABLE rtree_rebuild AS SELECT * FROM service_area_rtree;
        DROP TABLE service_area_rtree;
        CREATE VIRTUAL TABLE service_area_rtree USING rtree_i32(
            id, min_latitude, max_latitude, min_longitude, max_longitude, min_service, max_service);
        INSERT INTO service_area_rtree SELECT * FROM rtree_rebuild;
        DROP TABLE rtree_rebuild;
        """;

    /// <summary>
    /// Name order (the default without a point or text, and the feed's pages) walks this index in
    /// order instead of sorting every listed service: at 100,000 services a feed page sorted all
    /// 99,000 names (p50 614 ms). The index also holds the status, so the rows a deep page skips
    /// are checked in the index without reading the services themselves (the last page of 1,981
    /// took 403 ms with a table lookup per skipped row).
    /// </summary>
    public const string NameOrderV1 = "CREATE INDEX ix_services_name_nocase ON services (name COLLATE NOCASE, id, status);";

    public const string DropNameOrderV1 = "DROP INDEX ix_services_name_nocase;";

    public const string DropV1 = """
        DROP TRIGGER IF EXISTS attributes_fts_delete;
        DROP TRIGGER IF EXISTS attributes_fts_insert;
        DROP TRIGGER IF EXISTS organizations_fts_update;
        DROP TRIGGER IF EXISTS services_fts_delete;
        DROP TRIGGER IF EXISTS services_fts_update;
        DROP TRIGGER IF EXISTS services_fts_insert;
        DROP VIEW IF EXISTS service_fts_source;
        DROP TABLE IF EXISTS service_fts;
        DROP TRIGGER IF EXISTS service_areas_rtree_delete;
        DROP TRIGGER IF EXISTS service_areas_rtree_update;
        DROP TRIGGER IF EXISTS service_areas_rtree_insert;
        DROP TABLE IF EXISTS service_area_rtree;
        DROP TRIGGER IF EXISTS locations_rtree_delete;
        DROP TRIGGER IF EXISTS locations_rtree_update;
        DROP TRIGGER IF EXISTS locations_rtree_insert;
        DROP TABLE IF EXISTS location_rtree;
        """;
}
