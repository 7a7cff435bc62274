namespace Signpost.Search.SqlServer;

/// <summary>
/// The SQL Server search indexes, created by the SQL Server migrations (batches separated by
/// <c>GO</c> lines, which EF's SQL Server migrations split on):
/// <list type="bullet">
/// <item><c>locations.point</c>: a persisted <c>geography</c> point (SRID 4326) computed from the
/// coordinates, with a spatial index, so "locations within r metres" reads only the cells around a point.</item>
/// <item><c>service_search</c>: one row per service holding the words FTS5 holds on SQLite (name,
/// organisation, categories, description) in their own columns for ranking, and all of them in
/// <c>content</c> for matching, kept in step by triggers; its full-text index is <see cref="FullTextV1"/>.</item>
/// <item>B-tree indexes for the service areas' envelopes and the name order.</item>
/// </list>
/// Each migration uses the version of this text it was written with; a change is a new version.
/// </summary>
public static class SqlServerSearchIndex
{
    /// <summary>The full-text catalog holding <c>service_search</c>'s index.</summary>
    public const string Catalog = "signpost_search";

    /// <summary>
    /// The tables whose triggers keep the search index in step, with those triggers' names. A
    /// service's row is rewritten when its own words, its organisation's, or its categories' (links
    /// or the terms' names and descriptions) change. No other change needs a trigger: a new
    /// organisation or term has no services yet, a deleted service takes its row with it (the
    /// foreign key cascades), and deleting an organisation or a term deletes its services or links
    /// first, which the triggers above see.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> Triggers = new Dictionary<string, string[]>
    {
        ["services"] = ["services_search_sync"],
        ["organizations"] = ["organizations_search_sync"],
        ["attributes"] = ["attributes_search_sync"],
        ["taxonomy_terms"] = ["taxonomy_terms_search_sync"],
    };

    /// <summary>
    /// Rewrites the <c>service_search</c> rows of the services whose row ids are in the table
    /// variable <c>@rows</c> (a deleted service's row goes with it: its foreign key cascades).
    /// </summary>
    private const string RefreshRows = "\n" + """
            DELETE FROM service_search WHERE row_id IN (SELECT row_id FROM @rows);
            INSERT INTO service_search (row_id, name, organization, categories, description, content)
            SELECT v.row_id, v.name, v.organization, v.categories, v.description,
                   CONCAT_WS(N' ', CAST(v.name AS nvarchar(max)), v.organization, v.categories, v.description)
            FROM service_search_source v
            WHERE v.row_id IN (SELECT row_id FROM @rows);
        """ + "\n";

    /// <summary>
    /// Version 1: the located points with their spatial index, the text table with its triggers
    /// (filled once from the existing rows), and the B-tree indexes the searches need. Runs inside
    /// the migration's transaction.
    /// </summary>
    public const string CreateV1 = """
        ALTER TABLE locations ADD point AS
            CASE WHEN latitude IS NOT NULL AND longitude IS NOT NULL THEN geography::Point(latitude, longitude, 4326) END
            PERSISTED;
        GO
        CREATE SPATIAL INDEX ix_locations_point ON locations (point) USING GEOGRAPHY_AUTO_GRID;
        GO
        CREATE INDEX ix_service_areas_envelope ON service_areas (min_latitude, max_latitude, min_longitude, max_longitude) INCLUDE (service_id);
        CREATE INDEX ix_services_name_id ON services (name, id) INCLUDE (status);
        CREATE TABLE service_search (
            row_id bigint NOT NULL,
            name nvarchar(max) NOT NULL,
            organization nvarchar(max) NOT NULL,
            categories nvarchar(max) NOT NULL,
            description nvarchar(max) NOT NULL,
            content nvarchar(max) NOT NULL,
            CONSTRAINT PK_service_search PRIMARY KEY (row_id),
            CONSTRAINT FK_service_search_services_row_id FOREIGN KEY (row_id) REFERENCES services (row_id) ON DELETE CASCADE);
        GO
        CREATE VIEW service_search_source AS
        SELECT s.row_id AS row_id,
               s.name + ISNULL(N' ' + s.alternate_name, N'') AS name,
               ISNULL(o.name, N'') + ISNULL(N' ' + o.alternate_name, N'') AS organization,
               ISNULL((SELECT STRING_AGG(CAST(t.name + N' ' + t.description AS nvarchar(max)), N' ')
                       FROM attributes a JOIN taxonomy_terms t ON t.id = a.taxonomy_term_id
                       WHERE a.link_id = s.id), N'') AS categories,
               ISNULL(s.description, N'') + N' ' + ISNULL(o.description, N'') AS description
        FROM services s LEFT JOIN organizations o ON o.id = s.organization_id;
        GO
        INSERT INTO service_search (row_id, name, organization, categories, description, content)
        SELECT v.row_id, v.name, v.organization, v.categories, v.description,
               CONCAT_WS(N' ', CAST(v.name AS nvarchar(max)), v.organization, v.categories, v.description)
        FROM service_search_source v;
        GO
        CREATE TRIGGER services_search_sync ON services AFTER INSERT, UPDATE AS
        BEGIN
            SET NOCOUNT ON;
            IF NOT (UPDATE(name) OR UPDATE(alternate_name) OR UPDATE(description) OR UPDATE(organization_id)) RETURN;
            DECLARE @rows TABLE (row_id bigint PRIMARY KEY);
            INSERT INTO @rows (row_id) SELECT row_id FROM inserted;
        """ + RefreshRows + """
        END;
        GO
        CREATE TRIGGER organizations_search_sync ON organizations AFTER UPDATE AS
        BEGIN
            SET NOCOUNT ON;
            IF NOT (UPDATE(name) OR UPDATE(alternate_name) OR UPDATE(description)) RETURN;
            DECLARE @rows TABLE (row_id bigint PRIMARY KEY);
            INSERT INTO @rows (row_id)
            SELECT s.row_id FROM services s WHERE s.organization_id IN (SELECT id FROM inserted UNION SELECT id FROM deleted);
        """ + RefreshRows + """
        END;
        GO
        CREATE TRIGGER attributes_search_sync ON attributes AFTER INSERT, UPDATE, DELETE AS
        BEGIN
            SET NOCOUNT ON;
            DECLARE @rows TABLE (row_id bigint PRIMARY KEY);
            INSERT INTO @rows (row_id)
            SELECT s.row_id FROM services s WHERE s.id IN (SELECT link_id FROM inserted UNION SELECT link_id FROM deleted);
        """ + RefreshRows + """
        END;
        GO
        CREATE TRIGGER taxonomy_terms_search_sync ON taxonomy_terms AFTER UPDATE AS
        BEGIN
            SET NOCOUNT ON;
            IF NOT (UPDATE(name) OR UPDATE(description)) RETURN;
            DECLARE @rows TABLE (row_id bigint PRIMARY KEY);
            INSERT INTO @rows (row_id)
            SELECT s.row_id FROM services s
            WHERE s.id IN (SELECT a.link_id FROM attributes a WHERE a.taxonomy_term_id IN (SELECT id FROM inserted));
        """ + RefreshRows + """
        END;
        """;

    /// <summary>
    /// Version 1 full-text index on <c>service_search</c>: British English word breaking and
    /// inflections, no stoplist (every word is searchable, as in FTS5), accents ignored (as FTS5's
    /// <c>remove_diacritics</c>), kept up to date automatically. SQL Server refuses full-text DDL
    /// inside a transaction, so this runs outside the migration's.
    /// </summary>
    public const string FullTextV1 = """
        IF ISNULL(FULLTEXTSERVICEPROPERTY('IsFullTextInstalled'), 0) <> 1
        BEGIN
            THROW 50000, N'Full-text search is not installed on this SQL Server: install mssql-server-fts (Linux) or the Full-Text feature; Azure SQL has it.', 1;
        END;
        GO
        CREATE FULLTEXT CATALOG signpost_search WITH ACCENT_SENSITIVITY = OFF;
        GO
        CREATE FULLTEXT INDEX ON service_search (
            name LANGUAGE 2057,
            organization LANGUAGE 2057,
            categories LANGUAGE 2057,
            description LANGUAGE 2057,
            content LANGUAGE 2057)
        KEY INDEX PK_service_search ON signpost_search
        WITH (CHANGE_TRACKING = AUTO, STOPLIST = OFF);
        """;

    /// <summary>Undoes <see cref="FullTextV1"/> (outside a transaction, as it was made).</summary>
    public const string DropFullTextV1 = """
        DROP FULLTEXT INDEX ON service_search;
        GO
        DROP FULLTEXT CATALOG signpost_search;
        """;

    /// <summary>Undoes <see cref="CreateV1"/>; run after <see cref="DropFullTextV1"/>.</summary>
    public const string DropV1 = """
        DROP TRIGGER taxonomy_terms_search_sync;
        DROP TRIGGER attributes_search_sync;
        DROP TRIGGER organizations_search_sync;
        DROP TRIGGER services_search_sync;
        DROP VIEW service_search_source;
        DROP TABLE service_search;
        DROP INDEX ix_services_name_id ON services;
        DROP INDEX ix_service_areas_envelope ON service_areas;
        DROP INDEX ix_locations_point ON locations;
        ALTER TABLE locations DROP COLUMN point;
        """;
}
