using Microsoft.AspNetCore.Connections;
using Roster.Api.Bootstrap;
using Roster.Api.Hosting;

// `Roster.Api scheduler` runs a standalone scheduler node, so that one container image serves both roles.
if (args is ["scheduler", ..])
{
    await Roster.Scheduler.SchedulerProgram.Main(args[1..]);
    return 0;
}

// `Roster.Api bootstrap --bureau …` creates a root unit and its first account, then exits (./roster bootstrap).
var bootstrap = args is ["bootstrap", ..];
// `Roster.Api migrate` prepares the database (roles and database with ConnectionStrings:Admin and Roster:CreateDatabase,
// migrations and Quartz's and Hangfire's tables as ConnectionStrings:Migrations), then exits: a one-shot step that holds
// those secrets, so the long-running processes need only the application's login (deploy/compose.yaml).
var migrate = args is ["migrate"];
var builder = WebApplication.CreateBuilder(bootstrap || migrate ? [] : args);
builder.AddRoster();

var app = builder.Build();
await app.PrepareDatabaseAsync(app.Lifetime.ApplicationStopping);
if (migrate)
{
    await Console.Out.WriteLineAsync("roster: the database is ready");
    return 0;
}

if (bootstrap)
{
    return await BootstrapCommand.RunAsync(app.Services, args[1..], Console.Out, app.Lifetime.ApplicationStopping);
}

app.UseRoster();
try
{
    await app.RunAsync();
}
catch (IOException e) when (e.InnerException is AddressInUseException)
{
    await Console.Error.WriteLineAsync($"Roster cannot listen: {e.Message} Stop what runs there or choose another port (--port N).");
    return 2;
}

return 0;
