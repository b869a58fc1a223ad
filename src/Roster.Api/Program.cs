using Microsoft.AspNetCore.Connections;
using Roster.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddRoster();

var app = builder.Build();
await app.PrepareDatabaseAsync(app.Lifetime.ApplicationStopping).ConfigureAwait(false);
app.UseRoster();
try
{
    await app.RunAsync().ConfigureAwait(false);
}
catch (IOException e) when (e.InnerException is AddressInUseException)
{
    await Console.Error.WriteLineAsync($"Roster cannot listen: {e.Message} Stop what runs there or choose another port (--port N).").ConfigureAwait(false);
    return 2;
}

return 0;
