using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Signpost.Data.SqlServer;

namespace Signpost.Tests.SqlServer;

/// <summary>
/// What can be known of the SQL Server schema without a SQL Server: its migrations match the model,
/// every script parses with SQL Server 2019's parser, and it keeps SQL Server's own rules that
/// SQLite does not have (index key sizes, one cascade path).
/// </summary>
public sealed partial class SqlServerSchemaTests
{
    [Fact]
    public void TheSqlServerMigrationsMatchTheModel()
    {
        using var db = SqlServerDesignTime.Context();

        Assert.False(db.Database.HasPendingModelChanges(), "run: dotnet run --project tools/Signpost.Migrations -- add <Name>");
    }

    [Fact]
    public void TheSqlServerMigrationsAreTheirOwnSet()
    {
        using var db = SqlServerDesignTime.Context();
        var migrations = db.Database.GetMigrations().ToList();

        Assert.NotEmpty(migrations);
        Assert.All(db.GetService<IMigrationsAssembly>().Migrations.Values,
            type => Assert.Equal("Signpost.Data.SqlServer.Migrations", type.Namespace));
    }

    [Fact]
    public void TheWholeMigrationScriptParsesAsSqlServer2019()
    {
        using var db = SqlServerDesignTime.Context();
        var migrator = db.GetService<IMigrator>();

        TSql.Parse(migrator.GenerateScript(), "The SQL Server migration script");
        TSql.Parse(migrator.GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent), "The idempotent SQL Server migration script");
    }

    /// <summary>Raw SQL in a migration goes one batch per EXEC (<see cref="SqlServerBatches"/>): each batch inside must parse too.</summary>
    [Fact]
    public void EveryBatchRunAsDynamicSqlInTheMigrationsParsesAsSqlServer2019()
    {
        using var db = SqlServerDesignTime.Context();
        var script = TSql.Parse(db.GetService<IMigrator>().GenerateScript(), "The SQL Server migration script");
        var batches = new DynamicSql();
        script.Accept(batches);

        Assert.True(batches.Texts.Count >= 10, $"{batches.Texts.Count} batches");
        foreach (var batch in batches.Texts)
        {
            TSql.Parse(batch, "A batch of a migration");
        }
    }

    [Fact]
    public void ABatchWithQuotesSurvivesItsExecUnchanged()
    {
        const string sql = "SELECT N'it''s' AS quoted;\nGO\n\nPRINT 'two';\n  go  \n";
        var batches = SqlServerBatches.Split(sql).Select(SqlServerBatches.Exec).ToList();
        var texts = new DynamicSql();
        foreach (var exec in batches)
        {
            TSql.Parse(exec, "An EXEC of a batch").Accept(texts);
        }

        Assert.Equal(["SELECT N'it''s' AS quoted;", "PRINT 'two';"], texts.Texts);
    }

    [Fact]
    public void EachMigrationUpAndDownParsesAsSqlServer2019()
    {
        using var db = SqlServerDesignTime.Context();
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var previous = Migration.InitialDatabase;
        foreach (var migration in migrations)
        {
            TSql.Parse(migrator.GenerateScript(previous, migration), $"Migration {migration} (up)");
            TSql.Parse(migrator.GenerateScript(migration, previous), $"Migration {migration} (down)");
            previous = migration;
        }
    }

    [Fact]
    public void EveryRawStatementParsesAsSqlServer2019()
    {
        foreach (var (name, sql) in SqlServerStatements.All)
        {
            TSql.Parse(sql, name);
        }
    }

    /// <summary>SQL Server refuses to insert a row whose index key is longer than 1,700 bytes (900 for the clustered key).</summary>
    [Fact]
    public void EveryIndexKeyFitsSqlServersLimit()
    {
        using var db = SqlServerDesignTime.Context();
        var tooLong = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            foreach (var (name, properties, limit) in entity.GetIndexes().Select(i => (i.GetDatabaseName()!, i.Properties, 1700))
                .Concat(entity.GetKeys().Select(k => (k.GetName()!, k.Properties, k.IsPrimaryKey() ? 900 : 1700))))
            {
                var bytes = properties.Sum(p => KeyBytes(p.GetColumnType(table)!));
                if (bytes > limit)
                {
                    tooLong.Add($"{name}: {bytes} bytes ({string.Join(", ", properties.Select(p => $"{p.GetColumnName(table)} {p.GetColumnType(table)}"))}) > {limit}");
                }
            }
        }

        Assert.True(tooLong.Count == 0, string.Join("\n", tooLong));
    }

    [Fact]
    public void NoTableHasTwoCascadePathsFromAnother()
    {
        using var db = SqlServerDesignTime.Context();
        var cascades = db.Model.GetEntityTypes()
            .SelectMany(e => e.GetForeignKeys())
            .Where(fk => fk.DeleteBehavior == DeleteBehavior.Cascade)
            .Select(fk => (fk.PrincipalEntityType.GetTableName()!, fk.DeclaringEntityType.GetTableName()!))
            .ToList();

        Assert.NotEmpty(cascades);
        Assert.True(SqlServerModel.HasAtMostOnePathBetweenAnyTables(cascades));
    }

    /// <summary>The text of every <c>EXEC(N'…')</c> in a script.</summary>
    private sealed class DynamicSql : Microsoft.SqlServer.TransactSql.ScriptDom.TSqlFragmentVisitor
    {
        public List<string> Texts { get; } = [];

        public override void Visit(Microsoft.SqlServer.TransactSql.ScriptDom.ExecutableStringList node) =>
            Texts.AddRange(node.Strings.OfType<Microsoft.SqlServer.TransactSql.ScriptDom.StringLiteral>().Select(s => s.Value));
    }

    private static int KeyBytes(string columnType)
    {
        var match = SizedType().Match(columnType);
        var type = match.Groups["type"].Value.ToLowerInvariant();
        var size = match.Groups["size"].Value;
        return type switch
        {
            "nvarchar" or "nchar" when size == "max" => int.MaxValue / 2,
            "nvarchar" or "nchar" => 2 * int.Parse(size, System.Globalization.CultureInfo.InvariantCulture),
            "varchar" or "char" or "varbinary" or "binary" when size == "max" => int.MaxValue / 2,
            "varchar" or "char" or "varbinary" or "binary" => int.Parse(size, System.Globalization.CultureInfo.InvariantCulture),
            "uniqueidentifier" => 16,
            "bigint" or "float" or "datetime2" => 8,
            "datetimeoffset" => 10,
            "int" or "real" => 4,
            "smallint" => 2,
            "tinyint" or "bit" => 1,
            "date" => 3,
            "time" => 5,
            _ => throw new InvalidOperationException($"Unknown column type {columnType}"),
        };
    }

    [GeneratedRegex(@"^(?<type>\w+)(\((?<size>max|\d+)(,\s*\d+)?\))?$", RegexOptions.IgnoreCase)]
    private static partial Regex SizedType();
}
