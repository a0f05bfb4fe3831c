"""Icons, installed as the package ``nianbao_resources`` (see core/resources.py)."""
