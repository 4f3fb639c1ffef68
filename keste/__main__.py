from keste.cli import app

app(prog_name="keste")
