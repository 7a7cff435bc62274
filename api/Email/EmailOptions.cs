using System.ComponentModel.DataAnnotations;

namespace Signpost.Email;

/// <summary>
/// Where the directory's email goes, bound from <c>Email</c>. With no <c>Email:Smtp:Host</c> every
/// message is written as an .eml file to <see cref="PickupFolder"/> instead: local runs and tests
/// need no mail server, and nothing leaves the machine until an operator configures one.
/// </summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    [Required(ErrorMessage = "Email:FromAddress is required.")]
    [EmailAddress(ErrorMessage = "Email:FromAddress must be an email address.")]
    public string FromAddress { get; set; } = "signpost@localhost";

    [Required(ErrorMessage = "Email:FromName is required.")]
    [StringLength(100, ErrorMessage = "Email:FromName must be at most 100 characters.")]
    public string FromName { get; set; } = "Signpost";

    /// <summary>Used when no SMTP host is set; relative to the app's folder.</summary>
    [Required(ErrorMessage = "Email:PickupFolder is required when Email:Smtp:Host is not set.")]
    public string PickupFolder { get; set; } = "mail-pickup";
}

/// <summary>The SMTP server that sends the directory's email, bound from <c>Email:Smtp</c>.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Email:Smtp";

    /// <summary>Empty: write .eml files to the pickup folder instead of sending.</summary>
    public string? Host { get; set; }

    [Range(1, 65535, ErrorMessage = "Email:Smtp:Port must be between 1 and 65535.")]
    public int Port { get; set; } = 587;

    /// <summary>With <see cref="Password"/>; empty: the server needs no sign-in.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    [EnumDataType(typeof(SmtpSecurity), ErrorMessage = "Email:Smtp:Security must be StartTls, SslOnConnect, StartTlsWhenAvailable or None.")]
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
}

/// <summary>How the connection to the SMTP server is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS, which the server must offer (port 587).</summary>
    StartTls = 1,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect = 2,

    /// <summary>STARTTLS if the server offers it, else plain: only for a server on the same private network.</summary>
    StartTlsWhenAvailable = 3,

    /// <summary>No encryption: only for a local test server.</summary>
    None = 4,
}
