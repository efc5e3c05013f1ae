using Analytics.Dashboard.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddWarehouse(builder.Configuration);
builder.Services.AddDashboard();

var app = builder.Build();
app.UseDashboard();
app.Run();
