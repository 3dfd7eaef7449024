using Microsoft.Extensions.DependencyInjection;
using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Sqlite;

namespace ShoppableVideo.Consumers.Tests.Matching;

/// <summary>A real SQLite file with real sqlite-vec under a temp folder, registered the way the host does it.</summary>
public sealed class TempProductIndex : IAsyncDisposable
{
    readonly string _folder = Path.Combine(Path.GetTempPath(), $"sv-index-{Guid.NewGuid():N}");
    ServiceProvider _provider;

    public TempProductIndex(double appearanceWeight = 0.7)
    {
        AppearanceWeight = appearanceWeight;
        _provider = Build();
    }

    public double AppearanceWeight { get; }

    public string DatabasePath => Path.Combine(_folder, "shoppable.db");

    public IProductIndex Index => _provider.GetRequiredService<IProductIndex>();

    /// <summary>Closes the file and opens it again, as a restarted host would.</summary>
    public async Task ReopenAsync()
    {
        await _provider.DisposeAsync();
        _provider = Build();
    }

    ServiceProvider Build() => new ServiceCollection()
        .AddSqliteProductIndex(o => o.AppearanceWeight = AppearanceWeight)
        .AddSqliteDatabase(DatabasePath)
        .BuildServiceProvider();

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
