namespace ShoppableVideo.Sqlite;

/// <summary>
/// DDL that one owner (saga repository, artifact index, product index) needs in the shared file.
/// Owners register their parts; the database applies them all when it opens, so no project has to know
/// another's tables.
/// </summary>
public sealed record SqliteSchemaPart(string Owner, string Ddl);
