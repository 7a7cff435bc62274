using Microsoft.Extensions.Options;
using Signpost.GraphQL;
using Signpost.Moderation;

namespace Signpost.Embedding;

/// <summary>The <c>clients</c> command: register, list and revoke the client keys of sites that embed the directory.</summary>
public static class ClientKeysCommand
{
    public const string Usage = """
        Usage:
          clients create --name "SITE NAME" [--origin https://site.example ...] [--budget N]   prints the key
          clients list                                                                          names, origins, budgets, state
          clients revoke --name "SITE NAME"
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        using var scope = services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<ClientKeyStore>();
        var defaultBudget = scope.ServiceProvider.GetRequiredService<IOptions<GraphQLOptions>>().Value.ReadBudgetPerMinute;
        try
        {
            switch (args)
            {
                case ["create", ..]:
                    var budgetText = CommandOptions.Value(args, "--budget");
                    var budget = budgetText is null ? defaultBudget * 5
                        : int.TryParse(budgetText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var given) ? given
                        : throw new ArgumentException($"--budget: '{budgetText}' is not a whole number");
                    var key = await store.CreateAsync(CommandOptions.Value(args, "--name") ?? "", CommandOptions.Values(args, "--origin"), budget, defaultBudget, CancellationToken.None);
                    output.WriteLine($"Registered '{key.Name}' ({(key.Origins.Count == 0 ? "servers only" : string.Join(", ", key.Origins))}; {key.ReadBudgetPerMinute:N0} query cost a minute).");
                    output.WriteLine($"Send it as the header '{ReadClient.Header}: {key.Key}':");
                    output.WriteLine(key.Key);
                    return 0;
                case ["list"]:
                    foreach (var k in await store.ListAsync(CancellationToken.None))
                    {
                        output.WriteLine($"{k.Name,-32} {k.Key}  {(k.Origins.Count == 0 ? "servers only" : string.Join(" ", k.Origins))}  {k.ReadBudgetPerMinute:N0}/min  {(k.RevokedAt is { } at ? $"revoked {at:yyyy-MM-dd}" : "active")}");
                    }

                    return 0;
                case ["revoke", ..]:
                    var name = CommandOptions.Value(args, "--name") ?? throw new ArgumentException("--name: give the site's name");
                    if (!await store.RevokeAsync(name, CancellationToken.None))
                    {
                        throw new ArgumentException($"--name: no client key is named '{name}'");
                    }

                    output.WriteLine($"Revoked '{name}': within a minute its requests are refused, saying so.");
                    return 0;
                default:
                    error.WriteLine(Usage);
                    return 2;
            }
        }
        catch (ArgumentException e)
        {
            error.WriteLine(e.Message);
            return 2;
        }
    }
}
