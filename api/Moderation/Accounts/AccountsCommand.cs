namespace Signpost.Moderation.Accounts;

/// <summary>
/// <c>dotnet run --project api -- accounts create|list|disable|enable</c>: the people who sign in to the
/// moderation console, managed from the command line on the server.
/// </summary>
public static class AccountsCommand
{
    public const string Usage = """
        Usage:
          accounts create --email EMAIL --name "FULL NAME" --role moderator|admin   prints a first password once
          accounts list                                                             names, emails, roles, state
          accounts disable --email EMAIL                                            signs the person out for good
          accounts enable --email EMAIL                                             lets a disabled account sign in again
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<ModeratorAccounts>();
        try
        {
            switch (args)
            {
                case ["create", ..]:
                    var role = CommandOptions.Value(args, "--role") ?? throw new ArgumentException("--role: give moderator or admin");
                    if (!Enum.TryParse<ApiKeyRole>(role, ignoreCase: true, out var parsed) || int.TryParse(role, out _))
                    {
                        throw new ArgumentException($"--role: '{role}' is not moderator or admin");
                    }

                    var email = CommandOptions.Value(args, "--email") ?? throw new ArgumentException("--email: give the person's email address");
                    var (account, password) = await accounts.CreateAsync(email, CommandOptions.Value(args, "--name") ?? "", parsed);
                    output.WriteLine($"Created {Caller.Name(account.Role)} account for {account.DisplayName} <{account.Email}>.");
                    output.WriteLine("Their first password is shown only now; give it to them safely:");
                    output.WriteLine(password);
                    return 0;
                case ["list"]:
                    foreach (var a in await accounts.ListAsync(CancellationToken.None))
                    {
                        output.WriteLine($"{a.DisplayName,-24} {a.Email,-32} {Caller.Name(a.Role),-10} {(a.DisabledAt is { } at ? $"disabled {at:yyyy-MM-dd}" : accounts.LockedOutUntil(a) is { } until ? $"locked until {until:yyyy-MM-dd HH:mm} UTC" : "active")}{(a.TwoFactorEnabled ? "  second factor on" : "")}");
                    }

                    return 0;
                case ["disable", ..]:
                    var who = CommandOptions.ValueOrSole(args, "--email") ?? throw new ArgumentException("--email: give the email address of the account to disable");
                    if (!await accounts.DisableAsync(who))
                    {
                        throw new ArgumentException($"--email: there is no account for '{who}'");
                    }

                    output.WriteLine($"Disabled the account for '{who}'.");
                    return 0;
                case ["enable", ..]:
                    var whom = CommandOptions.ValueOrSole(args, "--email") ?? throw new ArgumentException("--email: give the email address of the account to enable");
                    if (!await accounts.EnableAsync(whom))
                    {
                        throw new ArgumentException($"--email: there is no account for '{whom}'");
                    }

                    output.WriteLine($"Enabled the account for '{whom}': they can sign in again with their password.");
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
