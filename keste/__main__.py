from keste.cli.app import app

app(prog_name="keste")
