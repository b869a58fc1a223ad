using System.Text.Json;

namespace Roster.Api.Tests.Fuzzing;

/// <summary>A path or query parameter and its schema.</summary>
public sealed record FuzzParameter(string Name, JsonElement Schema, bool Required);
