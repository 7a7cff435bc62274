global using Signpost.Geo;
global using Signpost.OpeningHours;
global using Signpost.Services;
global using Signpost.Taxonomy;
