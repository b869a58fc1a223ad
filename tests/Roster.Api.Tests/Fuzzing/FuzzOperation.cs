using System.Text.Json;

namespace Roster.Api.Tests.Fuzzing;

/// <summary>One operation of the OpenAPI document: its method, path template, parameters and JSON body schema.</summary>
public sealed record FuzzOperation(
    string Method, string Template, IReadOnlyList<FuzzParameter> Path, IReadOnlyList<FuzzParameter> Query, JsonElement? Body)
{
    public override string ToString() => $"{Method.ToUpperInvariant()} {Template}";
}
