using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Win32.SafeHandles;
using Signpost.Data;
using Signpost.OpenReferral.Hsds;

namespace Signpost.OpenReferral.Export;

/// <summary>
/// <c>export --format datapackage</c>: the whole public directory as an HSDS 3.0 Tabular Data
/// Package, a folder with <c>datapackage.json</c> and one CSV per resource of the official
/// descriptor, with its resource names, file names, fields and field order.
/// </summary>
/// <remarks>
/// <para>
/// The rows are the export's own HSDS records (<see cref="ExportCommand.AllAsync"/>) flattened:
/// each service's organisation (with its phones and contacts), links, locations with their addresses, accessibility, phones,
/// languages and schedules, and its phones, schedules, areas, languages, costs, contacts (with
/// their phones) and categories as attributes. A record shared by several services is written
/// once. Taxonomies and taxonomy terms are written whole, as the feed lists them, so every
/// <c>taxonomy_term_id</c>, <c>parent_id</c> and <c>taxonomy_id</c> resolves.
/// </para>
/// <para>
/// The resources for what Signpost does not store (programs, funding, required documents,
/// organisation identifiers, metadata, table descriptions) are written too, header only, so the
/// package has the official shape and every foreign key in the copied schemas names a resource
/// that exists.
/// </para>
/// <para>
/// Deterministic: every CSV is sorted by <c>id</c> (as the ids' text sorts), RFC 4180 (CRLF after
/// every record, quotes only where a field needs them), UTF-8 without a byte order mark. Values
/// are written as the descriptor's field types read them: UUIDs in lowercase, numbers in invariant
/// culture, dates <c>yyyy-MM-dd</c>, date-times in UTC with <c>Z</c>, times <c>HH:mm:ss</c>; an
/// absent value is an empty field. Rows go to a spill file per table as they are made and are
/// copied out in id order at the end, so memory holds only an index of 32 bytes a row.
/// </para>
/// </remarks>
public static class DatapackageExport
{
    private const string DescriptorResource = "Signpost.OpenReferral.Export.datapackage.json";

    /// <summary>Where the copied descriptor comes from, recorded in the package's <c>sources</c>.</summary>
    private const string DescriptorSource =
        "https://github.com/openreferral/specification/blob/279fd2eb3552c349bf698c07c00cc25f5fc8249b/datapackage.json";

    /// <summary>RFC 4180 as written: CRLF, quotes where needed, no byte order mark, nothing changed for spreadsheets.</summary>
    internal static CsvWriterOptions CsvOptions { get; } = CsvWriterOptions.Default with
    {
        NewLine = "\r\n",
        Quoting = CsvQuoting.WhenNeeded,
        WriteByteOrderMark = false,
        Injection = CsvInjection.None,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    private static readonly JsonSerializerOptions DescriptorJson = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>The official HSDS 3.0 descriptor, as copied into the API.</summary>
    public static JsonObject OfficialDescriptor()
    {
        using var stream = typeof(DatapackageExport).Assembly.GetManifestResourceStream(DescriptorResource)
            ?? throw new InvalidOperationException($"The embedded resource {DescriptorResource} is missing.");
        return JsonNode.Parse(stream)!.AsObject();
    }

    /// <summary>Writes the package into <paramref name="folder"/> (which must exist and be empty); returns the services and rows written.</summary>
    public static async Task<(int Services, long Rows)> WriteAsync(HsdsLoader loader, DirectoryDbContext db, string folder, CancellationToken cancellationToken)
    {
        var official = OfficialDescriptor();
        var resources = official["resources"]!.AsArray().Select(r => r!.AsObject()).ToList();
        var spill = Path.Combine(folder, ".rows");
        Directory.CreateDirectory(spill);

        Table<T> Table<T>(string name, params (string Field, Func<T, string?> Value)[] columns)
        {
            var resource = resources.Single(r => (string?)r["name"] == name);
            return new Table<T>(name, (string)resource["path"]!, FieldNames(resource), columns, Path.Combine(spill, name));
        }

        using var organizations = Table<HsdsOrganization>("organization",
            ("id", o => Id(o.Id)), ("name", o => o.Name), ("alternate_name", o => o.AlternateName), ("description", o => o.Description),
            ("email", o => o.Email), ("website", o => o.Website), ("tax_status", o => o.TaxStatus), ("tax_id", o => o.TaxId),
            ("year_incorporated", o => Number(o.YearIncorporated)), ("legal_status", o => o.LegalStatus), ("logo", o => o.Logo),
            ("uri", o => o.Uri), ("parent_organization_id", o => Id(o.ParentOrganizationId)));
        using var services = Table<HsdsService>("service",
            ("id", s => Id(s.Id)), ("organization_id", s => Id(s.OrganizationId)), ("program_id", s => Id(s.ProgramId)), ("name", s => s.Name),
            ("alternate_name", s => s.AlternateName), ("description", s => s.Description), ("url", s => s.Url), ("email", s => s.Email),
            ("status", s => s.Status), ("interpretation_services", s => s.InterpretationServices), ("application_process", s => s.ApplicationProcess),
            ("fees_description", s => s.FeesDescription), ("wait_time", s => s.WaitTime), ("fees", s => s.Fees), ("accreditations", s => s.Accreditations),
            ("eligibility_description", s => s.EligibilityDescription), ("minimum_age", s => Number(s.MinimumAge)), ("maximum_age", s => Number(s.MaximumAge)),
            ("assured_date", s => Date(s.AssuredDate)), ("assurer_email", s => s.AssurerEmail), ("licenses", s => s.Licenses), ("alert", s => s.Alert),
            ("last_modified", s => DateTime(s.LastModified)));
        using var attributes = Table<HsdsAttribute>("attribute",
            ("id", a => Id(a.Id)), ("link_id", a => Id(a.LinkId)), ("taxonomy_term_id", a => Id(a.TaxonomyTermId)), ("link_type", a => a.LinkType),
            ("link_entity", a => a.LinkEntity), ("value", a => a.Value));
        using var links = Table<HsdsServiceAtLocation>("service_at_location",
            ("id", l => Id(l.Id)), ("service_id", l => Id(l.ServiceId)), ("location_id", l => Id(l.LocationId)), ("description", l => l.Description));
        using var locations = Table<HsdsLocation>("location",
            ("id", l => Id(l.Id)), ("location_type", l => l.LocationType), ("url", l => l.Url), ("organization_id", l => Id(l.OrganizationId)),
            ("name", l => l.Name), ("alternate_name", l => l.AlternateName), ("description", l => l.Description), ("transportation", l => l.Transportation),
            ("latitude", l => Number(l.Latitude)), ("longitude", l => Number(l.Longitude)), ("external_identifier", l => l.ExternalIdentifier),
            ("external_identifier_type", l => l.ExternalIdentifierType));
        using var phones = Table<HsdsPhone>("phone",
            ("id", p => Id(p.Id)), ("location_id", p => Id(p.LocationId)), ("service_id", p => Id(p.ServiceId)), ("organization_id", p => Id(p.OrganizationId)),
            ("contact_id", p => Id(p.ContactId)), ("service_at_location_id", p => Id(p.ServiceAtLocationId)), ("number", p => p.Number),
            ("extension", p => Number(p.Extension)), ("type", p => p.Type), ("description", p => p.Description));
        using var contacts = Table<HsdsContact>("contact",
            ("id", c => Id(c.Id)), ("organization_id", c => Id(c.OrganizationId)), ("service_id", c => Id(c.ServiceId)),
            ("service_at_location_id", c => Id(c.ServiceAtLocationId)), ("location_id", c => Id(c.LocationId)), ("name", c => c.Name),
            ("title", c => c.Title), ("department", c => c.Department), ("email", c => c.Email));
        using var addresses = Table<HsdsAddress>("address",
            ("id", a => Id(a.Id)), ("location_id", a => Id(a.LocationId)), ("attention", a => a.Attention), ("address_1", a => a.Address1),
            ("address_2", a => a.Address2), ("city", a => a.City), ("region", a => a.Region), ("state_province", a => a.StateProvince),
            ("postal_code", a => a.PostalCode), ("country", a => a.Country), ("address_type", a => a.AddressType));
        using var schedules = Table<HsdsSchedule>("schedule",
            ("id", s => Id(s.Id)), ("service_id", s => Id(s.ServiceId)), ("location_id", s => Id(s.LocationId)),
            ("service_at_location_id", s => Id(s.ServiceAtLocationId)), ("valid_from", s => Date(s.ValidFrom)), ("valid_to", s => Date(s.ValidTo)),
            ("dtstart", s => Date(s.DtStart)), ("timezone", s => Number(s.Timezone)), ("until", s => Date(s.Until)), ("count", s => Number(s.Count)),
            ("wkst", s => s.Wkst), ("freq", s => s.Freq), ("interval", s => Number(s.Interval)), ("byday", s => s.ByDay), ("byweekno", s => s.ByWeekNo),
            ("bymonthday", s => s.ByMonthDay), ("byyearday", s => s.ByYearDay), ("description", s => s.Description), ("opens_at", s => Time(s.OpensAt)),
            ("closes_at", s => Time(s.ClosesAt)), ("schedule_link", s => s.ScheduleLink), ("attending_type", s => s.AttendingType), ("notes", s => s.Notes));
        using var areas = Table<HsdsServiceArea>("service_area",
            ("id", a => Id(a.Id)), ("service_id", a => Id(a.ServiceId)), ("name", a => a.Name), ("description", a => a.Description),
            ("extent", a => a.Extent), ("extent_type", a => a.ExtentType), ("uri", a => a.Uri));
        using var languages = Table<HsdsLanguage>("language",
            ("id", l => Id(l.Id)), ("service_id", l => Id(l.ServiceId)), ("location_id", l => Id(l.LocationId)), ("phone_id", l => Id(l.PhoneId)),
            ("name", l => l.Name), ("code", l => l.Code), ("note", l => l.Note));
        using var accessibility = Table<HsdsAccessibility>("accessibility",
            ("id", a => Id(a.Id)), ("location_id", a => Id(a.LocationId)), ("description", a => a.Description), ("details", a => a.Details), ("url", a => a.Url));
        using var terms = Table<HsdsTaxonomyTerm>("taxonomy_term",
            ("id", t => Id(t.Id)), ("code", t => t.Code), ("name", t => t.Name), ("description", t => t.Description), ("parent_id", t => Id(t.ParentId)),
            ("taxonomy", t => t.Taxonomy), ("language", t => t.Language), ("taxonomy_id", t => Id(t.TaxonomyId)), ("term_uri", t => t.TermUri));
        using var costs = Table<HsdsCostOption>("cost_option",
            ("id", c => Id(c.Id)), ("service_id", c => Id(c.ServiceId)), ("valid_from", c => Date(c.ValidFrom)), ("valid_to", c => Date(c.ValidTo)),
            ("option", c => c.Option), ("currency", c => c.Currency), ("amount", c => Number(c.Amount)), ("amount_description", c => c.AmountDescription));
        using var taxonomies = Table<HsdsTaxonomy>("taxonomy",
            ("id", t => Id(t.Id)), ("name", t => t.Name), ("description", t => t.Description), ("uri", t => t.Uri), ("version", t => t.Version));

        void AddAttributes(IReadOnlyList<HsdsAttribute>? list)
        {
            foreach (var attribute in list ?? [])
            {
                attributes.Add(attribute, attribute.Id);
            }
        }

        void AddPhones(IReadOnlyList<HsdsPhone>? list)
        {
            foreach (var phone in list ?? [])
            {
                if (phones.Add(phone, phone.Id))
                {
                    foreach (var language in phone.Languages ?? [])
                    {
                        languages.Add(language, language.Id);
                    }

                    AddAttributes(phone.Attributes);
                }
            }
        }

        void AddContacts(IReadOnlyList<HsdsContact>? list)
        {
            foreach (var contact in list ?? [])
            {
                if (contacts.Add(contact, contact.Id))
                {
                    AddPhones(contact.Phones);
                    AddAttributes(contact.Attributes);
                }
            }
        }

        void AddSchedules(IReadOnlyList<HsdsSchedule>? list)
        {
            foreach (var schedule in list ?? [])
            {
                schedules.Add(schedule, schedule.Id);
            }
        }

        void AddLanguages(IReadOnlyList<HsdsLanguage>? list)
        {
            foreach (var language in list ?? [])
            {
                languages.Add(language, language.Id);
            }
        }

        var serviceCount = 0;
        await foreach (var service in ExportCommand.AllAsync(loader, cancellationToken))
        {
            serviceCount++;
            services.Add(service, service.Id);
            if (service.Organization is { } organization && organizations.Add(organization, organization.Id))
            {
                AddContacts(organization.Contacts);
                AddPhones(organization.Phones);
                AddAttributes(organization.Attributes);
            }

            foreach (var link in service.ServiceAtLocations ?? [])
            {
                links.Add(link, link.Id);
                AddContacts(link.Contacts);
                AddPhones(link.Phones);
                AddSchedules(link.Schedules);
                AddAttributes(link.Attributes);
                if (link.Location is not { } location || !locations.Add(location, location.Id))
                {
                    continue;
                }

                foreach (var address in location.Addresses ?? [])
                {
                    addresses.Add(address, address.Id);
                }

                foreach (var access in location.Accessibility ?? [])
                {
                    accessibility.Add(access, access.Id);
                }

                AddPhones(location.Phones);
                AddLanguages(location.Languages);
                AddSchedules(location.Schedules);
                AddContacts(location.Contacts);
                AddAttributes(location.Attributes);
            }

            AddPhones(service.Phones);
            AddSchedules(service.Schedules);
            AddLanguages(service.Languages);
            AddContacts(service.Contacts);
            foreach (var area in service.ServiceAreas ?? [])
            {
                areas.Add(area, area.Id);
            }

            foreach (var cost in service.CostOptions ?? [])
            {
                costs.Add(cost, cost.Id);
            }

            AddAttributes(service.Attributes);
        }

        // The category taxonomy is public whole, as the feed's /taxonomies and /taxonomy_terms list it.
        var schemes = await db.Taxonomies.AsNoTracking().ToDictionaryAsync(t => t.Id, cancellationToken);
        foreach (var scheme in schemes.Values)
        {
            taxonomies.Add(scheme.ToHsds(), scheme.Id);
        }

        await foreach (var term in db.TaxonomyTerms.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            terms.Add(term.ToHsds(term.TaxonomyId is { } x ? schemes.GetValueOrDefault(x) : null), term.Id);
        }

        var written = new TableBase[] { organizations, services, attributes, links, locations, phones, contacts, addresses, schedules, areas, languages, accessibility, terms, costs, taxonomies }
            .ToDictionary(t => t.Resource);
        long rows = 0;
        foreach (var resource in resources)
        {
            var name = (string)resource["name"]!;
            var target = Path.Combine(folder, (string)resource["path"]!);
            if (written.TryGetValue(name, out var table))
            {
                rows += await table.WriteAsync(target, cancellationToken);
            }
            else
            {
                await WriteHeaderOnlyAsync(target, FieldNames(resource), cancellationToken);
            }
        }

        foreach (var table in written.Values)
        {
            table.Dispose();
        }

        Directory.Delete(spill, recursive: true);
        await File.WriteAllTextAsync(Path.Combine(folder, "datapackage.json"), Descriptor(official).ToJsonString(DescriptorJson) + "\n", cancellationToken);
        return (serviceCount, rows);
    }

    /// <summary>
    /// The package's descriptor: the official one's name, title, description, profile and version,
    /// its resources copied unchanged (schemas included), and where they come from. The official
    /// licence is the specification's, not the data's, so it is left out.
    /// </summary>
    private static JsonObject Descriptor(JsonObject official)
    {
        var descriptor = new JsonObject();
        foreach (var key in new[] { "name", "title", "description", "profile", "version", "homepage" })
        {
            if (official[key] is { } value)
            {
                descriptor[key] = value.DeepClone();
            }
        }

        descriptor["sources"] = new JsonArray(new JsonObject
        {
            ["title"] = "Human Services Data Specification 3.0 datapackage.json (Open Referral, CC BY-SA 4.0)",
            ["path"] = DescriptorSource,
        });
        descriptor["resources"] = official["resources"]!.DeepClone();
        return descriptor;
    }

    private static List<string> FieldNames(JsonObject resource) =>
        resource["schema"]!["fields"]!.AsArray().Select(f => (string)f!["name"]!).ToList();

    private static async Task WriteHeaderOnlyAsync(string path, IReadOnlyList<string> fields, CancellationToken cancellationToken)
    {
        await using var file = File.Create(path);
        await using var csv = CsvWriter.Create(file, CsvOptions, leaveOpen: true);
        csv.WriteHeader(fields.ToArray());
        await csv.FlushAsync(cancellationToken);
    }

    internal static string? Id(Guid id) => id.ToString("D");

    internal static string? Id(Guid? id) => id?.ToString("D");

    internal static string? Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    internal static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>The shortest text that reads back as the same double, never in exponent notation.</summary>
    internal static string? Number(double? value) => value switch
    {
        null => null,
        { } v when v.ToString("R", CultureInfo.InvariantCulture) is var text && !text.Contains('E', StringComparison.Ordinal) => text,
        { } v => v.ToString("0.##############################", CultureInfo.InvariantCulture),
    };

    internal static string? Date(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>As <see cref="HsdsJson"/> writes date-times: UTC with <c>Z</c>, fractions only where there are some.</summary>
    internal static string? DateTime(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>Table Schema's <c>time</c>: <c>HH:mm:ss</c>. A time that does not read as one is written as it is.</summary>
    internal static string? Time(string? value) =>
        value is not null && TimeOnly.TryParseExact(value, ["H:mm", "HH:mm", "H:mm:ss", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time.ToString("HH:mm:ss", CultureInfo.InvariantCulture)
            : value;

    private abstract class TableBase(string resource) : IDisposable
    {
        public string Resource { get; } = resource;

        public abstract Task<long> WriteAsync(string path, CancellationToken cancellationToken);

        public abstract void Dispose();
    }

    /// <summary>One CSV: rows are rendered as they come into a spill file, and copied out in id order.</summary>
    private sealed class Table<T> : TableBase
    {
        private readonly IReadOnlyList<string> _fields;
        private readonly Func<T, string?>[] _values;
        private readonly string?[] _row;
        private readonly HashSet<Guid> _seen = [];
        private readonly List<Entry> _entries = [];
        private readonly FileStream _spill;
        private readonly MemoryStream _scratch = new();
        private readonly CsvWriter _writer;
        private bool _disposed;

        public Table(string resource, string path, IReadOnlyList<string> fields, (string Field, Func<T, string?> Value)[] columns, string spillPath)
            : base(resource)
        {
            if (!columns.Select(c => c.Field).SequenceEqual(fields))
            {
                throw new InvalidOperationException($"The columns of {path} differ from the descriptor's fields: {string.Join(',', fields)}.");
            }

            _fields = fields;
            _values = columns.Select(c => c.Value).ToArray();
            _row = new string?[_values.Length];
            _spill = new FileStream(spillPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 20);
            _writer = CsvWriter.Create(_scratch, CsvOptions, leaveOpen: true);
        }

        /// <summary>Adds the record unless one with its id was added before; false when it was.</summary>
        public bool Add(T record, Guid id)
        {
            if (!_seen.Add(id))
            {
                return false;
            }

            for (var i = 0; i < _values.Length; i++)
            {
                _row[i] = _values[i](record);
            }

            _scratch.SetLength(0);
            _writer.WriteRecord(_row);
            _writer.Flush();
            var bytes = _scratch.GetBuffer().AsSpan(0, (int)_scratch.Length);
            _entries.Add(new Entry(SortKey(id), _spill.Position, bytes.Length));
            _spill.Write(bytes);
            return true;
        }

        public override async Task<long> WriteAsync(string path, CancellationToken cancellationToken)
        {
            await _spill.FlushAsync(cancellationToken);
            _entries.Sort(static (a, b) => a.Key.CompareTo(b.Key));
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 20);
            await using (var header = CsvWriter.Create(file, CsvOptions, leaveOpen: true))
            {
                header.WriteHeader(_fields.ToArray());
                await header.FlushAsync(cancellationToken);
            }

            var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
            try
            {
                foreach (var entry in _entries)
                {
                    if (entry.Length > buffer.Length)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = ArrayPool<byte>.Shared.Rent(entry.Length);
                    }

                    Read(_spill.SafeFileHandle, buffer.AsSpan(0, entry.Length), entry.Offset);
                    file.Write(buffer, 0, entry.Length);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            return _entries.Count;
        }

        private static void Read(SafeFileHandle handle, Span<byte> into, long offset)
        {
            while (!into.IsEmpty)
            {
                var read = RandomAccess.Read(handle, into, offset);
                if (read == 0)
                {
                    throw new EndOfStreamException("A spilled row is shorter than recorded.");
                }

                into = into[read..];
                offset += read;
            }
        }

        public override void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _writer.Dispose();
            _scratch.Dispose();
            _spill.Dispose();
        }

        /// <summary>The id's 16 bytes in RFC 4122 order: sorts as its text does.</summary>
        private static UInt128 SortKey(Guid id)
        {
            Span<byte> bytes = stackalloc byte[16];
            id.TryWriteBytes(bytes, bigEndian: true, out _);
            return BinaryPrimitives.ReadUInt128BigEndian(bytes);
        }

        private readonly record struct Entry(UInt128 Key, long Offset, int Length);
    }
}
