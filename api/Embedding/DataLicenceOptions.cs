using System.ComponentModel.DataAnnotations;

namespace Signpost.Embedding;

/// <summary>
/// The licence the directory's data is published under, and the credit re-users must show: sent
/// with every GraphQL and Open Referral response (a <c>Link: rel="license"</c> header) and given by
/// the <c>dataLicence</c> query. Bound from <c>DataLicence</c>.
/// </summary>
public sealed class DataLicenceOptions
{
    public const string SectionName = "DataLicence";

    [Required(ErrorMessage = "DataLicence:Name is required.")]
    [StringLength(200, ErrorMessage = "DataLicence:Name must be at most 200 characters.")]
    public string Name { get; set; } = "Open Government Licence v3.0";

    [Required(ErrorMessage = "DataLicence:Url is required.")]
    [Url(ErrorMessage = "DataLicence:Url must be a web address.")]
    public string Url { get; set; } = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";

    [Required(ErrorMessage = "DataLicence:Attribution is required.")]
    [StringLength(1000, ErrorMessage = "DataLicence:Attribution must be at most 1000 characters.")]
    public string Attribution { get; set; } = "Contains information from Signpost, licensed under the Open Government Licence v3.0. Contains OS data © Crown copyright and database right 2025.";
}
