using System.Text.Json;

namespace Roster.Api.Inspections;

/// <summary>How results are stored: camelCase, like the API shows them.</summary>
internal static class InspectionJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
