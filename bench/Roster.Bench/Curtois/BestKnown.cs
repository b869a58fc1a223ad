namespace Roster.Bench.Curtois;

/// <summary>Best known objective values from shared/benchmarks/curtois/README.md (instance 24: 40439, LB 40438).</summary>
internal static class BestKnown
{
    private static readonly int[] Values =
    [
        607, 828, 1001, 1716, 1143, 1950, 1056, 1300, 439, 4631, 3443, 4040,
        1348, 1278, 3828, 3225, 5746, 4459, 3149, 4769, 21133, 30241, 17285, 40439,
    ];

    public static int? Of(int instance) => instance >= 1 && instance <= Values.Length ? Values[instance - 1] : null;
}
