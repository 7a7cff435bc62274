namespace Signpost.Moderation;

/// <summary>
/// <c>dotnet run --project api -- keys create|list|revoke</c>: API keys for moderators and
/// admins, managed from the command line on the server.
/// </summary>
public static class ApiKeysCommand
{
    public const string Usage = """
        Usage:
          keys create --name NAME --role moderator|admin|navigator   prints the new key once
          keys list                                                   names, roles, prefixes, state
          keys revoke --name NAME                                     the key stops working at once
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ApiKeyStore>();
        try
        {
            switch (args)
            {
                case ["create", ..]:
                    var role = CommandOptions.Value(args, "--role") ?? throw new ArgumentException("--role: give moderator, admin or navigator");
                    if (!Enum.TryParse<ApiKeyRole>(role, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || parsed == ApiKeyRole.Provider || int.TryParse(role, out _))
                    {
                        throw new ArgumentException($"--role: '{role}' is not moderator, admin or navigator");
                    }

                    var (key, secret) = await store.CreateAsync(CommandOptions.Value(args, "--name") ?? "", parsed, CancellationToken.None);
                    output.WriteLine($"Created key '{key.Name}' ({Caller.Name(key.Role)}). Send it as 'Authorization: Bearer <key>'.");
                    output.WriteLine("It is shown only now; store it safely:");
                    output.WriteLine(secret);
                    return 0;
                case ["list"]:
                    foreach (var k in await store.ListAsync(CancellationToken.None))
                    {
                        output.WriteLine($"{k.Name,-24} {Caller.Name(k.Role),-10} {k.Prefix}…  created {k.CreatedAt:yyyy-MM-dd}  {(k.RevokedAt is { } at ? $"revoked {at:yyyy-MM-dd}" : "active")}");
                    }

                    return 0;
                case ["revoke", ..]:
                    var name = CommandOptions.Value(args, "--name") ?? throw new ArgumentException("--name: give the name of the key to revoke");
                    if (!await store.RevokeAsync(name, CancellationToken.None))
                    {
                        throw new ArgumentException($"--name: there is no key named '{name}'");
                    }

                    output.WriteLine($"Revoked key '{name}'.");
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
