using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Signpost.Email;

/// <summary>
/// Sends one message by SMTP (MailKit), or writes it as an .eml file to the pickup folder when no
/// SMTP host is configured. The sender's address and name come from the options.
/// </summary>
public sealed class EmailSender(IOptions<EmailOptions> email, IOptions<SmtpOptions> smtp, IHostEnvironment environment, ILogger<EmailSender> logger)
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        message.From.Clear();
        message.From.Add(new MailboxAddress(email.Value.FromName, email.Value.FromAddress));
        var server = smtp.Value;
        if (string.IsNullOrWhiteSpace(server.Host))
        {
            await WriteToPickupFolderAsync(message, cancellationToken);
            return;
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(server.Host, server.Port, Socket(server.Security), cancellationToken);
        if (!string.IsNullOrEmpty(server.UserName))
        {
            await client.AuthenticateAsync(server.UserName, server.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private async Task WriteToPickupFolderAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(email.Value.PickupFolder, environment.ContentRootPath);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
        await message.WriteToAsync(path, cancellationToken);
        logger.LogInformation("Wrote email to {Recipients} as {Path} (no SMTP host is configured).", message.To.ToString(), path);
    }

    private static SecureSocketOptions Socket(SmtpSecurity security) => security switch
    {
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.StartTlsWhenAvailable => SecureSocketOptions.StartTlsWhenAvailable,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };
}
