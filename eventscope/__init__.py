"""eventscope: news articles in; a geocoded, dated, sourced event database out."""
