using Roster.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddRoster();

var app = builder.Build();
await app.PrepareDatabaseAsync(app.Lifetime.ApplicationStopping).ConfigureAwait(false);
app.UseRoster();
await app.RunAsync().ConfigureAwait(false);
