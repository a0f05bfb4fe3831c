"""The default DOCX templates, installed as the package ``nianbao_templates`` (see core/resources.py)."""
