using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Signpost.Data;

/// <summary>
/// An EF compiled query, compiled once per model rather than once per process: EF binds a compiled
/// query to the first model that runs it, and a process may hold two (SQLite's and SQL Server's,
/// as the tests do when they translate every query for SQL Server). One model means one compile,
/// as before.
/// </summary>
public sealed class CompiledQuery<TParam, TResult>(Expression<Func<DirectoryDbContext, TParam, IQueryable<TResult>>> query)
{
    private readonly ConditionalWeakTable<IModel, Func<DirectoryDbContext, TParam, IAsyncEnumerable<TResult>>> _byModel = new();

    public IAsyncEnumerable<TResult> Run(DirectoryDbContext db, TParam parameter) =>
        _byModel.GetValue(db.Model, _ => EF.CompileAsyncQuery(query))(db, parameter);
}
