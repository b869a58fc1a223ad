using Roster.Bench;
using Roster.Bench.Curtois;
using Roster.Bench.District;

var parsed = new Args(args);
return parsed.Mode switch
{
    "curtois" => CurtoisCommand.Run(parsed),
    "district" => DistrictCommand.Run(parsed),
    "school" => SchoolCommand.Run(parsed),
    "pricing" => PricingCommand.Run(parsed),
    "rules" => RulesExample.Run(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: curtois --instance N --seconds S [--data DIR] [--workers W] [--seed K] | pricing --instance N [--rounds R] | district [--units U] | school");
    return 2;
}
