using Microsoft.Data.Sqlite;

namespace ShoppableVideo.Sqlite;

/// <summary>Keeps the ADO.NET ceremony out of the SQL-bearing classes.</summary>
public static class SqliteCommands
{
    public static SqliteCommand Command(this SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        // Microsoft.Data.Sqlite refuses a command that is not enlisted in the connection's open transaction.
        command.Transaction = transaction;
        return command;
    }

    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("O");

    public static string Key(Guid id) => id.ToString("D");
}
