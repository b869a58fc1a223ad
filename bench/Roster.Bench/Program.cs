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
    "repair" => RepairCommand.Run(parsed),
    "rules" => RulesExample.Run(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: curtois --instance N [--seconds S] [--iterations I [--column-rounds R [--choice-work W]]] [--data DIR] [--workers W] [--seed K] | curtois --all [--instances 1-24] [--seeds 1-5] [--out FILE] | pricing --instance N [--rounds R] | district [--units U] | school");
    return 2;
}
