using System.Collections;
using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;

namespace Signpost.Tests.SqlServer;

/// <summary>
/// Gives every LINQ query the app compiles on SQLite to EF's SQL Server provider too (at SQL Server
/// 2019's level), and checks the T-SQL it writes with Microsoft's parser. A query SQL Server could not
/// run then fails the test that ran it, here, rather than in production. Every API the integration
/// suite starts on SQLite carries it, so the suite's coverage of the app is this check's coverage.
/// </summary>
public sealed class SqlServerShadowTranslation : IQueryExpressionInterceptor
{
    private static readonly ConcurrentDictionary<string, string[]> Translated = new();

    /// <summary>
    /// One for every API: EF keeps an internal service provider, and so a model and a query cache,
    /// per set of query interceptors, and one cache means each query is translated once per run.
    /// </summary>
    public static SqlServerShadowTranslation Instance { get; } = new();

    private SqlServerShadowTranslation()
    {
        // SIGNPOST_SQLSERVER_QUERIES=<file> keeps every query of the run with its T-SQL, for review
        // (the pipeline publishes it).
        if (Environment.GetEnvironmentVariable("SIGNPOST_SQLSERVER_QUERIES") is { Length: > 0 } file)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => File.WriteAllText(file, string.Join("\n\n", Translated
                .OrderBy(q => q.Key, StringComparer.Ordinal)
                .Select(q => $"/* LINQ:\n{q.Key.Replace("*/", "* /", StringComparison.Ordinal)}\n*/\n{string.Join(";\n", q.Value)};")));
        }
    }

    /// <summary>Every distinct query seen so far in this test run, with the T-SQL SQL Server's provider wrote for it.</summary>
    public static IReadOnlyDictionary<string, string[]> Queries => Translated;

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
    {
        if (eventData.Context is not Signpost.Data.SqlServer.SqlServerDirectoryDbContext)
        {
            var printed = eventData.ExpressionPrinter.PrintExpression(queryExpression);
            Translated.GetOrAdd(printed, _ => Translate(queryExpression, printed));
        }

        return queryExpression;
    }

    private static string[] Translate(Expression query, string printed)
    {
        var recorder = new SqlServerRecorder();
        using var db = SqlServerDesignTime.Context(recorder);
        var onSqlServer = new QueryRootsOf(db.Model).Visit(query);
        var resultType = ResultType(query.Type);
        Delegate executor;
        try
        {
            executor = (Delegate)typeof(IDatabase).GetMethod(nameof(IDatabase.CompileQuery))!.MakeGenericMethod(resultType)
                .Invoke(db.GetService<IDatabase>(), [onSqlServer, false])!;
        }
        catch (System.Reflection.TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new InvalidOperationException($"EF's SQL Server provider cannot translate this query:\n{printed}\n{e.InnerException.Message}", e.InnerException);
        }

        // Run it against the recorder with a stand-in value for each parameter: the T-SQL is written
        // at execution (parameter values decide IS NULL tests), and the recorder answers with no rows.
        var context = db.GetService<IQueryContextFactory>().Create();
        foreach (var parameter in new ParametersOf().Find(onSqlServer))
        {
            context.Parameters[parameter.Name] = StandIn(parameter.Type);
        }

        try
        {
            var result = executor.DynamicInvoke(context);
            if (result is IEnumerable rows)
            {
                foreach (var _ in rows)
                {
                }
            }
        }
        catch (Exception e) when (!(e.InnerException ?? e).Message.Contains("could not be translated", StringComparison.Ordinal))
        {
            // No rows where one was expected, and the like: the SQL was already written and recorded.
        }

        var statements = recorder.Commands.ToArray();
        foreach (var sql in statements)
        {
            TSql.Parse(sql, $"The T-SQL for this query:\n{printed}\n");
        }

        return statements;
    }

    private static Type ResultType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IQueryable<>)
            ? typeof(IEnumerable<>).MakeGenericType(type.GetGenericArguments()[0])
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IQueryable<>)) is { } queryable
                ? typeof(IEnumerable<>).MakeGenericType(queryable.GetGenericArguments()[0])
                : type;

    private static object? StandIn(Type type)
    {
        if (type == typeof(string))
        {
            return "x";
        }

        if (type.IsArray)
        {
            return Array.CreateInstance(type.GetElementType()!, 1);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var list = (IList)Activator.CreateInstance(type)!;
            list.Add(type.GetGenericArguments()[0].IsValueType ? Activator.CreateInstance(type.GetGenericArguments()[0]) : null);
            return list;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Activator.CreateInstance(underlying);
        }

        return type.IsValueType ? Activator.CreateInstance(type) : null;
    }

    /// <summary>Points the query's entity roots at the SQL Server model's entity types.</summary>
    private sealed class QueryRootsOf(Microsoft.EntityFrameworkCore.Metadata.IModel model) : ExpressionVisitor
    {
        protected override Expression VisitExtension(Expression node) => node switch
        {
            EntityQueryRootExpression root => new EntityQueryRootExpression(model.FindEntityType(root.EntityType.Name)
                ?? throw new InvalidOperationException($"The SQL Server model has no {root.EntityType.Name}.")),
            _ => base.VisitExtension(node),
        };
    }

    private sealed class ParametersOf : ExpressionVisitor
    {
        private readonly Dictionary<string, QueryParameterExpression> _found = [];

        public IEnumerable<QueryParameterExpression> Find(Expression expression)
        {
            Visit(expression);
            return _found.Values;
        }

        protected override Expression VisitExtension(Expression node)
        {
            if (node is QueryParameterExpression parameter)
            {
                _found[parameter.Name] = parameter;
                return node;
            }

            return base.VisitExtension(node);
        }
    }
}
