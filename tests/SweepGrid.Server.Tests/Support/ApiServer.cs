using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SweepGrid.Orchestration.Control;
using SweepGrid.Robustness.Tests.Support;
using SweepGrid.Server.Planning;
using SweepGrid.Store;

namespace SweepGrid.Server.Tests.Support;

/// <summary>
/// A real Kestrel server on a free loopback port hosting the API over a real SQLite store in a temporary
/// folder, planning with the real MNIST fingerprints — the way <c>sweepgrid serve</c> wires it.
/// </summary>
internal sealed class ApiServer : IAsyncDisposable
{
    public const string Token = "test-token-9f2c";

    private readonly WebApplication _app;
    private readonly string _directory;

    private ApiServer(WebApplication app, ITrialStore store, string directory, Uri address)
    {
        _app = app;
        _directory = directory;
        Store = store;
        Address = address;
    }

    public ITrialStore Store { get; }

    public Uri Address { get; }

    /// <summary>Starts a server; <paramref name="settings"/> are configuration keys such as <c>Api:MaxBodyBytes</c>.</summary>
    public static async Task<ApiServer> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var directory = Directory.CreateTempSubdirectory("sweepgrid-api-").FullName;
        var store = TrialStores.OpenSqlite(Path.Combine(directory, "sweepgrid.db"));
        await store.MigrateAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?> { ["Api:Token"] = Token });
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton<IStudyControl>(sp => new StoreStudyControl(sp.GetRequiredService<ITrialStore>()));
        builder.Services.AddSingleton<ISubmissionPlanner>(new DatasetSubmissionPlanner(TestData.MnistDirectory));
        builder.Services.AddSweepGridApi(builder.Configuration);
        var app = builder.Build();
        app.MapSweepGridApi();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            await store.DisposeAsync();
            Directory.Delete(directory, recursive: true);
            throw;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ApiServer(app, store, directory, new Uri(address));
    }

    /// <summary>A client for this server, with the bearer token unless <paramref name="token"/> says otherwise.</summary>
    public HttpClient Client(string? token = Token)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
