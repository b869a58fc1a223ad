namespace Roster.Api.Tests.Fuzzing;

/// <summary>A generated request: what <see cref="OpenApiFuzzTests"/> sends and prints when an assertion fails.</summary>
public sealed record FuzzRequest(FuzzOperation Operation, string Url, string? Body)
{
    public override string ToString() =>
        $"{Operation.Method.ToUpperInvariant()} {Url}{(Body is null ? "" : " " + (Body.Length > 300 ? Body[..300] + $"… ({Body.Length} chars)" : Body))}";
}
